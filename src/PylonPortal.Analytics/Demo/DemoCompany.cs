namespace PylonPortal.Analytics.Demo;

internal enum AiAdoption { None, Light, Moderate, Heavy }

internal enum Trend { Steady, Growing, Declining, Stopped }

/// <summary>How an org appears in Salesforce.</summary>
internal enum AccountShape
{
    /// <summary>No account: a self-serve workspace sales never touched.</summary>
    None,
    Single,
    /// <summary>A parent and a regional account, both live and linked to the org.</summary>
    TwoLive,
    /// <summary>A duplicate account, later deleted in Salesforce, that carried a higher ARR than the live one.</summary>
    WithDeletedDuplicate,
}

internal static class Segments
{
    public const string Enterprise = "Enterprise", MidMarket = "Mid-Market", Smb = "SMB";
}

/// <summary>
/// One customer's story: who they are, how much they use Pylon and its AI, where usage is heading, and what
/// they pay. <see cref="DemoCompany"/> casts a few of these by hand and draws the rest at random.
/// </summary>
internal sealed record OrgSketch(
    string Name, string Segment, int UserCount, AiAdoption Ai, Trend Trend,
    decimal? Arr, AccountShape Accounts = AccountShape.Single, int? RenewalInDays = 200, string? Owner = null,
    int? CreatedDay = null, int? StopDay = null, double Satisfaction = 0.7);

internal sealed class DemoOrg
{
    public required string Id { get; init; }
    public required OrgSketch Sketch { get; init; }
    public required string Domain { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The window day the org was created on (negative: before the window).</summary>
    public required int CreatedDay { get; init; }

    /// <summary>The first window day without activity: the window's end unless the org stopped using Pylon.</summary>
    public required int StopDay { get; init; }

    public required string Industry { get; init; }
    public required TimeSpan UtcOffset { get; init; }

    /// <summary>Their SDK sends local timestamps (with an offset) instead of UTC.</summary>
    public required bool SendsLocalTimestamps { get; init; }

    public List<DemoUser> Users { get; } = [];

    public string Name => Sketch.Name;
    public AiAdoption Ai => Sketch.Ai;
    public string SystemDistinctId => "org-" + Id;

    /// <summary>How busy the org is on a day relative to its usual level: 0 before it exists and after it stopped.</summary>
    public double Activity(DemoWindow window, int day)
    {
        if (day < CreatedDay || day >= StopDay) return 0;
        var progress = window.Progress(day);
        return Sketch.Trend switch
        {
            Trend.Growing => 0.35 + 0.85 * progress,
            Trend.Declining => 1.2 - 0.85 * progress,
            _ => 1.0,
        };
    }
}

internal sealed class DemoUser
{
    public required string Id { get; init; }
    public required string? OrgId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Window days the user is active in this org: [FirstDay, LastDay).</summary>
    public required int FirstDay { get; init; }
    public int LastDay { get; set; } = int.MaxValue;

    /// <summary>Chance of using Pylon on a weekday, and events per day when they do.</summary>
    public required double Engagement { get; init; }
    public required double EventsPerDay { get; init; }
    public required bool UsesAi { get; init; }

    /// <summary>Set on the user's row in the org they moved to: Airbyte re-extracts the user then.</summary>
    public DateTimeOffset? MovedAt { get; init; }
}

/// <summary>
/// The demo company's customers. The cast comes first, one org per case the portal must show; the rest
/// are drawn at random with realistic proportions. Also two org ids Pylon no longer knows (sandboxes whose
/// automations still send events) and Pylon's own support engineers, who are users without an org.
/// </summary>
internal sealed class DemoCompany
{
    private const string Dev = DemoCatalog.DeveloperEmail;
    private static readonly string[] StaffNames = ["Robin Pylon", "Sky Support", "Drew Helpdesk"];

    private readonly DemoWindow _window;
    private readonly DemoRandom _random;
    private readonly HashSet<string> _names = [];
    private readonly List<string> _wordOrder = [];
    private int _dealt;

    private DemoCompany(DemoWindow window, DemoRandom random)
    {
        _window = window;
        _random = random;
    }

    public List<DemoOrg> Orgs { get; } = [];
    public List<string> UnknownOrgIds { get; } = [];
    public List<DemoUser> Staff { get; } = [];

    public static DemoCompany Create(DemoWindow window, int orgCount, int seed)
    {
        var company = new DemoCompany(window, DemoRandom.For(seed, DemoStream.Company));
        var cast = company.Cast();
        for (var i = 0; i < orgCount; i++)
            company.AddOrg(i < cast.Count ? cast[i] : company.RandomSketch());
        company.MoveUsers();
        company.UnknownOrgIds.AddRange([company._random.Uuid(), company._random.Uuid()]);
        company.Staff.AddRange(StaffNames.Select(company.StaffMember));
        return company;
    }

    /// <summary>The named customers: each shows one thing the CSMs, PMs or marketing must be able to see.</summary>
    private List<OrgSketch> Cast()
    {
        var days = _window.Days;
        return
        [
            // Risk quadrant: the biggest contract and a busy team that never touches AI. Owned by the local developer.
            new("Northwind Health", Segments.Enterprise, 48, AiAdoption.None, Trend.Steady, 480_000, RenewalInDays: 75, Owner: Dev),
            // Quick Win: a small account whose whole team lives in Pylon AI.
            new("Brightside Labs", Segments.Smb, 9, AiAdoption.Heavy, Trend.Growing, 12_000, RenewalInDays: 140, Satisfaction: 0.9),
            // Gone quiet: paying, and no usage at all for the last 45 days. Their champion moved to Juniper Learning.
            new("Cobalt Freight", Segments.MidMarket, 22, AiAdoption.Light, Trend.Stopped, 96_000, RenewalInDays: 40, Owner: Dev,
                StopDay: Math.Max(0, days - 45), Satisfaction: 0.3),
            // New customer: signed up inside the window, growing fast; ARR exactly on the 50k threshold.
            new("Juniper Learning", Segments.MidMarket, 14, AiAdoption.Moderate, Trend.Growing, 50_000, RenewalInDays: 330,
                CreatedDay: days * 2 / 5),
            // Two live Salesforce accounts (parent and EMEA): the higher ARR one is the org's account.
            new("Atlas Retail Group", Segments.Enterprise, 36, AiAdoption.Moderate, Trend.Steady, 150_000, AccountShape.TwoLive,
                RenewalInDays: 210, Owner: DemoCatalog.CsmEmails[0]),
            // Target and reference candidate; a deleted duplicate account carried a higher ARR than the live one.
            new("Helios Payments", Segments.Enterprise, 30, AiAdoption.Heavy, Trend.Steady, 210_000, AccountShape.WithDeletedDuplicate,
                RenewalInDays: 300, Owner: Dev, Satisfaction: 0.95),
            // A self-serve workspace with no Salesforce account at all.
            new("Quartz Analytics", Segments.Smb, 5, AiAdoption.Light, Trend.Steady, null, AccountShape.None, RenewalInDays: null),
            // A free account (ARR 0) whose usage is fading.
            new("Summit Legal", Segments.Smb, 4, AiAdoption.None, Trend.Declining, 0, RenewalInDays: null),
            // Sales never filled in the ARR or the renewal date.
            new("Maple Insurance", Segments.MidMarket, 12, AiAdoption.Light, Trend.Steady, null, RenewalInDays: null),
            // Just under the ARR threshold, and the renewal date passed without Salesforce being updated.
            new("Orbit Games", Segments.MidMarket, 16, AiAdoption.Heavy, Trend.Declining, 49_500, RenewalInDays: -12, Satisfaction: 0.5),
        ];
    }

    /// <summary>A customer drawn at random: mostly SMB, every level of AI adoption, every trend.</summary>
    private OrgSketch RandomSketch()
    {
        var r = _random;
        var segment = r.NextDouble() switch { < 0.15 => Segments.Enterprise, < 0.50 => Segments.MidMarket, _ => Segments.Smb };
        var users = segment switch { Segments.Enterprise => r.Next(25, 61), Segments.MidMarket => r.Next(8, 31), _ => r.Next(2, 11) };
        var ai = r.NextDouble() switch { < 0.25 => AiAdoption.None, < 0.55 => AiAdoption.Light, < 0.80 => AiAdoption.Moderate, _ => AiAdoption.Heavy };
        var trend = r.NextDouble() switch { < 0.45 => Trend.Steady, < 0.70 => Trend.Growing, < 0.90 => Trend.Declining, _ => Trend.Stopped };
        var (arr, accounts) = r.NextDouble() switch
        {
            < 0.08 => ((decimal?)null, AccountShape.None),
            < 0.20 => (0m, AccountShape.Single),              // free and trial workspaces
            < 0.25 => (null, AccountShape.Single),            // ARR not filled in
            _ => (RandomArr(segment), r.NextDouble() switch
            {
                < 0.03 => AccountShape.TwoLive,
                < 0.07 => AccountShape.WithDeletedDuplicate,
                _ => AccountShape.Single,
            }),
        };
        int? renewal = arr is null or 0 ? null : r.NextDouble() switch { < 0.07 => -r.Next(1, 60), < 0.15 => null, _ => r.Next(1, 366) };
        var owner = r.Chance(0.12) ? Dev : r.Pick(DemoCatalog.CsmEmails);
        int? created = r.Chance(0.12) ? r.Next(0, Math.Max(1, _window.Days * 4 / 5)) : null;
        int? stop = trend == Trend.Stopped ? Math.Max(0, _window.Days - r.Next(20, 90)) : null;
        return new OrgSketch(CompanyName(), segment, users, ai, trend, arr, accounts, renewal, owner, created, stop,
            Satisfaction: r.Between(0.2, 0.95));
    }

    /// <summary>ARR by segment, rounded to hundreds; a few Mid-Market deals sit right around the 50k threshold.</summary>
    private decimal RandomArr(string segment)
    {
        var arr = segment switch
        {
            Segments.Enterprise => _random.Between(120_000, 500_000),
            Segments.MidMarket when _random.Chance(0.15) => _random.Between(48_000, 52_000),
            Segments.MidMarket => _random.Between(30_000, 120_000),
            _ => _random.Between(3_000, 30_000),
        };
        return Math.Round((decimal)arr / 100) * 100;
    }

    /// <summary>
    /// A name no other customer has, never a numbered copy ("Tidal Labs 2" reads as a duplicate). The words are
    /// dealt in a shuffled order, each with a suffix it has not had yet: at the default size no word names more
    /// than two customers; past words x suffixes (benchmark sizes) a second word makes the name.
    /// </summary>
    private string CompanyName()
    {
        var words = DemoCatalog.CompanyWords;
        if (_wordOrder.Count == 0)
        {
            _wordOrder.AddRange(words);
            for (var i = _wordOrder.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (_wordOrder[i], _wordOrder[j]) = (_wordOrder[j], _wordOrder[i]);
            }
        }
        while (true)
        {
            var firstRound = _dealt < words.Length;
            var word = _wordOrder[_dealt++ % words.Length];
            if (firstRound && _names.Any(n => n.StartsWith(word + " ", StringComparison.Ordinal))) continue; // a cast customer has it
            var suffixes = DemoCatalog.CompanySuffixes.Where(suffix => !_names.Contains($"{word} {suffix}")).ToList();
            var name = suffixes.Count > 0
                ? $"{word} {_random.Pick(suffixes)}"
                : $"{word} {_random.Pick(words)} {_random.Pick(DemoCatalog.CompanySuffixes)}";
            if (_names.Add(name)) return name;
        }
    }

    private void AddOrg(OrgSketch sketch)
    {
        _names.Add(sketch.Name);
        var r = _random;
        // Most customers predate the window by up to three years; some sign up inside it.
        var createdDay = sketch.CreatedDay ?? -r.Next(30, 1100);
        var org = new DemoOrg
        {
            Id = r.Uuid(),
            Sketch = sketch,
            Domain = sketch.Name.ToLowerInvariant().Replace(" ", "") + r.Pick([".com", ".io", ".co"]),
            CreatedAt = Min(_window.At(createdDay, r.Next(8 * 3600, 18 * 3600), r.Next(1000)), _window.Now),
            CreatedDay = createdDay,
            StopDay = sketch.StopDay ?? _window.Days,
            Industry = r.Pick(DemoCatalog.Industries),
            UtcOffset = r.Pick(DemoCatalog.UtcOffsets),
            SendsLocalTimestamps = r.Chance(0.2),
        };
        Orgs.Add(org);

        var emails = new HashSet<string>();
        for (var i = 0; i < sketch.UserCount; i++)
            org.Users.Add(NewUser(org, emails, i == 0));
    }

    /// <summary>A teammate: the first user founded the workspace; others joined before the window or during it.</summary>
    private DemoUser NewUser(DemoOrg org, HashSet<string> emails, bool founder)
    {
        var r = _random;
        var joinsLater = !founder && r.Chance(org.Sketch.Trend == Trend.Growing ? 0.4 : 0.15);
        var firstDay = founder ? org.CreatedDay
            : joinsLater ? Math.Max(org.CreatedDay, 0) + r.Next(Math.Max(1, _window.Days - Math.Max(org.CreatedDay, 0)))
            : org.CreatedDay < 0 ? r.Next(org.CreatedDay, 0) : org.CreatedDay + r.Next(0, 14);
        var first = r.Pick(DemoCatalog.FirstNames);
        var last = r.Pick(DemoCatalog.LastNames);
        var local = $"{first}.{last}".ToLowerInvariant();
        var email = $"{local}@{org.Domain}";
        for (var n = 2; !emails.Add(email); n++) email = $"{local}{n}@{org.Domain}";
        var (engagement, events) = r.NextDouble() switch
        {
            < 0.2 => (0.75, 4.0),   // power users: in the inbox most days
            < 0.7 => (0.5, 2.2),    // regular agents
            _ => (0.2, 1.4),        // occasional: managers, admins
        };
        var aiShare = org.Ai switch { AiAdoption.Light => 0.15, AiAdoption.Moderate => 0.5, AiAdoption.Heavy => 0.9, _ => 0.0 };
        return new DemoUser
        {
            Id = r.Uuid(), OrgId = org.Id, Name = $"{first} {last}", Email = email,
            CreatedAt = founder ? org.CreatedAt
                : Min(Max(org.CreatedAt, _window.At(firstDay, r.Next(8 * 3600, 18 * 3600), r.Next(1000))), _window.Now),
            FirstDay = firstDay, Engagement = engagement, EventsPerDay = events, UsesAi = r.Chance(aiShare),
        };
    }

    /// <summary>
    /// People change jobs: Cobalt Freight's champion joins Juniper Learning, and someone else moves between two
    /// random customers. Airbyte re-extracts the user with the new organization_id on the day they move.
    /// </summary>
    private void MoveUsers()
    {
        if (_window.LastDay < 1) return; // a one-day window leaves no day to move on
        if (Orgs.Count >= 4) Move(Orgs[2], Orgs[3]);
        if (Orgs.Count > 12) Move(Orgs[_random.Next(10, Orgs.Count / 2)], Orgs[_random.Next(Orgs.Count / 2, Orgs.Count)]);
    }

    private void Move(DemoOrg from, DemoOrg to)
    {
        var user = from.Users[0];
        var day = Math.Clamp(Math.Max(to.CreatedDay, from.StopDay - 10), 1, _window.LastDay);
        user.LastDay = day;
        to.Users.Add(new DemoUser
        {
            Id = user.Id, OrgId = to.Id, Name = user.Name, Email = user.Email.Split('@')[0] + "@" + to.Domain,
            CreatedAt = user.CreatedAt, FirstDay = day, Engagement = user.Engagement, EventsPerDay = user.EventsPerDay,
            UsesAi = user.UsesAi || to.Ai != AiAdoption.None, MovedAt = _window.At(day, 10 * 3600),
        });
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private DemoUser StaffMember(string name) => new()
    {
        Id = _random.Uuid(), OrgId = null, Name = name,
        Email = name.Split(' ')[0].ToLowerInvariant() + "@usepylon.com",
        CreatedAt = _window.At(-400, 9 * 3600), FirstDay = -400, Engagement = 0.5, EventsPerDay = 3, UsesAi = false,
    };
}
