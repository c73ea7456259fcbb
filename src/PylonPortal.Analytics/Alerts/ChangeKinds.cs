namespace PylonPortal.Analytics.Alerts;

/// <summary>The kinds of change a build looks for, with the words the portal and the digest use for them.</summary>
public static class ChangeKinds
{
    public const string BandChange = "band_change";
    public const string HealthDrop = "health_drop";
    public const string EnteredRisk = "entered_risk";
    public const string LeftRisk = "left_risk";
    public const string Inactive = "inactive";
    public const string Renewal30 = "renewal_30d";
    public const string Renewal90 = "renewal_90d";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [BandChange] = "Health band changed",
        [HealthDrop] = "Health dropped",
        [EnteredRisk] = "Entered the Risk quadrant",
        [LeftRisk] = "Left the Risk quadrant",
        [Inactive] = "Paying, no activity",
        [Renewal30] = "Renewal within 30 days",
        [Renewal90] = "Renewal within 90 days",
    };

    public static IReadOnlyList<string> All { get; } = [.. Labels.Keys];

    public static string Label(string kind) => Labels.GetValueOrDefault(kind, kind);
}
