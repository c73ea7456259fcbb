namespace PylonPortal.Analytics.Demo;

/// <summary>
/// The vocabulary of the demo: what Pylon's product emits and who its customers are. Event names cover
/// every category of DESIGN section 3 rule 5, including names the seed's <c>LIKE '%ai_%'</c> got wrong
/// (em<b>ai</b>l_, det<b>ai</b>l_, maint<b>ai</b>ned, tr<b>ai</b>ning are not AI) and AI names only the
/// token rule finds (<c>$ai_generation</c>, <c>frontend:ai_panel_opened</c>).
/// </summary>
internal static class DemoCatalog
{
    /// <summary>What a support agent does all day. Weights are relative within the list.</summary>
    public static readonly (string Name, int Weight)[] IssueEvents =
    [
        ("issue:commented", 12), ("issue:created", 8), ("issue:assigned", 6), ("issue:resolved", 6),
        ("issue:status_changed", 5), ("issue:tagged", 2), ("issue:merged", 1),
    ];

    public static readonly (string Name, int Weight)[] FrontendEvents =
    [
        ("frontend:page_viewed", 15), ("frontend:inbox_filtered", 5), ("frontend:email_composer_opened", 4),
        ("frontend:search_performed", 3), ("frontend:command_palette_opened", 2),
    ];

    public static readonly (string Name, int Weight)[] KnowledgeBaseEvents =
    [
        ("knowledge_base:article_viewed", 6), ("knowledge_base:article_maintained", 2),
        ("knowledge_base:article_published", 1), ("knowledge_base:search_performed", 1),
    ];

    public static readonly (string Name, int Weight)[] OtherEvents =
    [
        ("account:detail_viewed", 3), ("user:logged_in", 2), ("account:training_completed", 1),
        ("settings:updated", 1), ("user:email_verified", 1), ("integration:slack_connected", 1),
    ];

    /// <summary>Pylon AI: only users who adopted it emit these.</summary>
    public static readonly (string Name, int Weight)[] AiEvents =
    [
        ("ai_assist:reply_suggested", 5), ("ai:summary_generated", 4), ("$ai_generation", 4),
        ("ai_assist:reply_accepted", 3), ("frontend:ai_panel_opened", 3), ("knowledge_base:ai_answer_generated", 1),
    ];

    /// <summary>Share of a user's events in each category: an agent's day is mostly issues and the inbox.</summary>
    public const int IssueWeight = 40, FrontendWeight = 30, KnowledgeBaseWeight = 10, OtherWeight = 8;

    /// <summary>Automations Pylon runs on an org's behalf, sent as <c>org-&lt;id&gt;</c>.</summary>
    public static readonly string[] SystemEvents = ["issue:auto_closed", "issue:sla_breached", "workflow:triggered"];
    public static readonly string[] SystemAiEvents = ["ai:auto_triage"];

    /// <summary>Readers of a customer's public help centre: anonymous PostHog ids, not Pylon users.</summary>
    public const string PublicArticleViewed = "knowledge_base:article_viewed";

    /// <summary>What Pylon's own support engineers do inside a customer's workspace.</summary>
    public static readonly string[] StaffEvents = ["frontend:page_viewed", "settings:updated", "issue:commented", "account:detail_viewed"];

    /// <summary>PostHog properties, shared strings: the pipeline never reads them, Airbyte sometimes truncates them.</summary>
    public static readonly string[] WebProperties =
    [
        """{"$lib":"web","$browser":"Chrome","$os":"Mac OS X","$current_url":"https://app.usepylon.com/issues"}""",
        """{"$lib":"web","$browser":"Chrome","$os":"Windows","$current_url":"https://app.usepylon.com/issues"}""",
        """{"$lib":"web","$browser":"Firefox","$os":"Linux","$current_url":"https://app.usepylon.com/inbox"}""",
        """{"$lib":"web","$browser":"Safari","$os":"Mac OS X","$current_url":"https://app.usepylon.com/accounts"}""",
        """{"$lib":"web","$browser":"Edge","$os":"Windows","$current_url":"https://app.usepylon.com/knowledge-base"}""",
    ];

    public const string AiProperties = """{"$lib":"posthog-node","$ai_provider":"openai","$ai_model":"gpt-4o","$ai_latency":1.7}""";
    public const string SystemProperties = """{"$lib":"posthog-node","source":"automation"}""";

    public static readonly string[] CompanyWords =
    [
        "Northwind", "Brightside", "Cobalt", "Juniper", "Atlas", "Helios", "Quartz", "Summit", "Maple", "Orbit",
        "Lumen", "Harbor", "Granite", "Vertex", "Aurora", "Cedar", "Beacon", "Falcon", "Nimbus", "Pioneer",
        "Riverstone", "Sequoia", "Tidal", "Evergreen", "Keystone", "Meridian", "Polaris", "Redwood", "Silverline", "Zephyr",
        "Crescent", "Driftwood", "Emberly", "Foxglove", "Kestrel", "Lighthouse", "Mosaic", "Oakridge", "Prism", "Sparrow",
        "Alder", "Amberline", "Arcadia", "Bluebird", "Boulder", "Brookfield", "Canopy", "Cascade", "Clearwater", "Copperleaf",
        "Cypress", "Dovetail", "Eastgate", "Elmstead", "Fairway", "Fieldstone", "Firefly", "Glacier", "Goldcrest", "Greenleaf",
        "Hartwell", "Hawthorn", "Highland", "Horizon", "Ironwood", "Ivory", "Jasper", "Kingfisher", "Lakeshore", "Larkspur",
        "Linden", "Magnolia", "Marlow", "Millbrook", "Moonstone", "Northgate", "Oakmont", "Osprey", "Pinecrest", "Quarry",
        "Ravenwood", "Ridgeline", "Rosewood", "Saffron", "Sandpiper", "Shoreline", "Skyward", "Stonebridge", "Sunpeak", "Thistle",
        "Trailhead", "Twinpine", "Upland", "Valence", "Westbrook", "Whitfield", "Willow", "Windward", "Yarrow", "Zenith",
    ];

    public static readonly string[] CompanySuffixes =
    [
        "Labs", "Health", "Freight", "Learning", "Retail", "Payments", "Analytics", "Legal", "Insurance", "Games",
        "Cloud", "Systems", "Robotics", "Energy", "Foods", "Logistics", "Media", "Security", "Bank", "Software",
    ];

    public static readonly string[] Industries =
    [
        "Software", "Financial Services", "Healthcare", "Retail", "Education", "Logistics", "Media", "Manufacturing", "Insurance",
    ];

    public static readonly string[] FirstNames =
    [
        "Avery", "Blake", "Casey", "Dana", "Elliot", "Finley", "Gray", "Harper", "Indra", "Jamie", "Kai", "Logan",
        "Morgan", "Noor", "Oakley", "Parker", "Quinn", "Riley", "Sasha", "Tatum", "Uma", "Val", "Wren", "Yuki", "Zion",
        "Amara", "Bruno", "Chen", "Dmitri", "Esme", "Farah", "Gustavo", "Hana", "Ines", "Jonas", "Kofi", "Leila",
    ];

    public static readonly string[] LastNames =
    [
        "Nguyen", "Garcia", "Smith", "Okafor", "Muller", "Rossi", "Tanaka", "Kowalski", "Silva", "Haddad", "Johansson",
        "Patel", "Brown", "Dubois", "Novak", "Ibrahim", "Kim", "Larsen", "Moreau", "Ortiz", "Park", "Reyes", "Schmidt",
    ];

    /// <summary>The customer success team. <c>dev@localhost</c> owns some accounts so a developer signed in locally sees "my accounts".</summary>
    public static readonly string[] CsmEmails =
    [
        "alex.morgan@pylon-demo.com", "priya.shah@pylon-demo.com", "jordan.lee@pylon-demo.com",
        "sam.rivera@pylon-demo.com", "taylor.kim@pylon-demo.com",
    ];

    public const string DeveloperEmail = "dev@localhost";

    /// <summary>Where customers' teams work; some SDKs send local timestamps with these offsets.</summary>
    public static readonly TimeSpan[] UtcOffsets =
    [
        TimeSpan.FromHours(-8), TimeSpan.FromHours(-7), TimeSpan.FromHours(-5), TimeSpan.FromHours(-4), TimeSpan.Zero,
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), new TimeSpan(5, 30, 0), TimeSpan.FromHours(8), TimeSpan.FromHours(9),
        TimeSpan.FromHours(10),
    ];
}
