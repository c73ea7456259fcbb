namespace PylonPortal.Analytics.Staging;

/// <summary>
/// The feature category of an event name (DESIGN section 3, rule 5): literal, case-sensitive text,
/// first match wins. There are few distinct event names, so each is classified once here and
/// materialized in <c>event_classification</c>, which the SQL joins.
/// </summary>
public static class EventClassifier
{
    public const string IssueManagement = "Issue Management";
    public const string AiFeatures = "AI Features";
    public const string FrontendNavigation = "Frontend/Navigation";
    public const string KnowledgeBase = "Knowledge Base";
    public const string Other = "Other";

    private static readonly char[] TokenSeparators = [':', '_', '.', '-', '$'];

    private static readonly (string Category, Func<string, bool> Matches)[] Rules =
    [
        (IssueManagement, name => name.StartsWith("issue:", StringComparison.Ordinal)),
        (AiFeatures, name => name.Split(TokenSeparators).Contains("ai", StringComparer.Ordinal)),
        (FrontendNavigation, name => name.StartsWith("frontend:", StringComparison.Ordinal)),
        (KnowledgeBase, name => name.StartsWith("knowledge_base:", StringComparison.Ordinal)),
    ];

    public static string Classify(string eventName)
    {
        foreach (var (category, matches) in Rules)
            if (matches(eventName)) return category;
        return Other;
    }
}
