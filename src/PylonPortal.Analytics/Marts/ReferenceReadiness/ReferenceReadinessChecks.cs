using PylonPortal.Analytics.Quality;

namespace PylonPortal.Analytics.Marts.ReferenceReadiness;

/// <summary>fct_reference_readiness_30d's data-quality checks: the shared as-of checks and its own ranges.</summary>
internal static class ReferenceReadinessChecks
{
    public static readonly IReadOnlyList<DataQualityCheck> All =
    [
        .. DataQualityChecks.AsOfChecks<ReferenceReadinessRow>("fct_reference_readiness_30d", "readiness", r =>
            r.TrendScore < 0 || r.TrendScore > 100 || r.UsageScore < 0 || r.UsageScore > 100
            || r.EngagementScore < 0 || r.EngagementScore > 100 || r.SentimentScore < 0 || r.SentimentScore > 100
            || r.SupportScore < 0 || r.SupportScore > 100 || r.RenewalScore < 0 || r.RenewalScore > 100
            || r.HealthScore < 0 || r.HealthScore > 100 || r.SizeScore < 0 || r.SizeScore > 100
            || r.TenureScore < 0 || r.TenureScore > 100
            || r.ReferenceReadinessScore < 0 || r.ReferenceReadinessScore > 100
            || r.Events30d < 0 || r.EventsPrev30d < 0 || r.Issues30d < 0 || r.UrgentIssues30d > r.Issues30d),
    ];
}
