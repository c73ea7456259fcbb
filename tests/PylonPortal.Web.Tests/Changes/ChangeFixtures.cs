using PylonPortal.Analytics.Alerts;

namespace PylonPortal.Web.Tests.Changes;

/// <summary>Hand-made stored changes, as a build writes them.</summary>
public static class ChangeFixtures
{
    public static ScoreChange Change(string org, string kind, DateOnly asOf, string owner = "dev@localhost", double? arr = 100_000,
        string segment = "Enterprise", long runId = 1, decimal componentPoints = -12.5m) => new()
    {
        RunId = runId, DetectedAt = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero), Kind = kind, OrgId = org,
        OrgName = $"{org} account", OwnerEmail = owner, AccountSegment = segment, CurrentArr = arr, AsOfDate = asOf,
        ComparedWith = asOf.AddDays(-1), Before = "Healthy", After = "Watch", HealthScore = 55m, HealthBand = "Watch",
        Component = "Usage", ComponentPoints = componentPoints, ComponentDetail = "4 active days of 30",
    };
}
