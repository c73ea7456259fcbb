using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Staging;
using static PylonPortal.Analytics.Quality.DataQualityCheck;

namespace PylonPortal.Analytics.Quality;

/// <summary>
/// The checks that run after every build's writes and before its commit, and by <c>pylon test</c>
/// (DESIGN section 6). The first three are the seed's validation queries.
/// </summary>
public static class DataQualityChecks
{
    private const string Daily = "fct_org_daily_activity";
    private const string Ai = "fct_customer_ai_adoption_30d";
    private const string Readiness = "fct_reference_readiness_30d";

    public static readonly IReadOnlyList<DataQualityCheck> All =
    [
        Rows("daily_no_duplicate_keys", Daily, Severity.Error, "No (org_id, activity_date) has more than one row.",
            scope => scope.Daily
                .GroupBy(d => new { d.OrgId, d.ActivityDate })
                .Where(g => g.Count() > 1)
                .Select(g => new { g.Key.OrgId, g.Key.ActivityDate, Rows = g.Count() })),
        new("daily_latest_activity_date", Daily, Severity.Warning,
            "Freshness: the latest activity_date is today or yesterday (UTC).", LatestActivityDateAsync),
        Rows("daily_no_null_org_id", Daily, Severity.Error, "No row has a NULL org_id.",
            scope => scope.Daily.Where(d => SqlFunctions.IsNull(d.OrgId)).Select(d => new { d.ActivityDate })),
        Rows("daily_counts_consistent", Daily, Severity.Error,
            "Counts are not negative; issue + ai + frontend + kb events and unique users do not exceed total_event_count.",
            scope => scope.Daily
                .Where(d => d.TotalEventCount <= 0 || d.UniqueUserCount < 0 || d.DistinctEventTypes <= 0
                            || d.IssueEvents < 0 || d.AiEvents < 0 || d.FrontendEvents < 0 || d.KbEvents < 0
                            || d.IssueEvents + d.AiEvents + d.FrontendEvents + d.KbEvents > d.TotalEventCount
                            || d.UniqueUserCount > d.TotalEventCount || d.TopEventCount > d.TotalEventCount
                            || d.DistinctFeatureCategories > 4 || d.AvgEventsPerUser < 0)
                .Select(d => new { d.OrgId, d.ActivityDate, d.TotalEventCount })),
        new("daily_reconciles_with_staging", Daily, Severity.Error,
            "Reconciliation: the sum of total_event_count equals the attributed staged events.", ReconciliationAsync),
        Rows("daily_orgs_in_spine", Daily, Severity.Error, "Relationships: every org_id is in the org spine.",
            scope => scope.Daily.Select(d => d.OrgId).Distinct()
                .Where(id => !scope.Db.GetTable<IntOrgSpine>().Any(s => s.OrgId == id)).Select(id => new { OrgId = id })),

        .. AsOfChecks<AiAdoptionRow>(Ai, "ai_adoption", r =>
            r.AiEventShare < 0 || r.AiEventShare > 1 || r.AiUserShare < 0 || r.AiUserShare > 1
            || r.FrequencyScore < 0 || r.FrequencyScore > 100 || r.IntensityScore < 0 || r.IntensityScore > 100
            || r.BreadthScore < 0 || r.BreadthScore > 100
            || r.EffectiveAiAdoptionScore < 0 || r.EffectiveAiAdoptionScore > 100
            || r.TotalEvents30d < 0 || r.AiEvents30d > r.TotalEvents30d || r.AiUsers30d > r.ActiveUsers30d),
        .. AsOfChecks<ReferenceReadinessRow>(Readiness, "readiness", r =>
            r.TrendScore < 0 || r.TrendScore > 100 || r.UsageScore < 0 || r.UsageScore > 100
            || r.EngagementScore < 0 || r.EngagementScore > 100 || r.SentimentScore < 0 || r.SentimentScore > 100
            || r.SupportScore < 0 || r.SupportScore > 100 || r.RenewalScore < 0 || r.RenewalScore > 100
            || r.HealthScore < 0 || r.HealthScore > 100 || r.SizeScore < 0 || r.SizeScore > 100
            || r.TenureScore < 0 || r.TenureScore > 100
            || r.ReferenceReadinessScore < 0 || r.ReferenceReadinessScore > 100
            || r.Events30d < 0 || r.EventsPrev30d < 0 || r.Issues30d < 0 || r.UrgentIssues30d > r.Issues30d),
    ];

    /// <summary>The checks both derived marts share: grain, keys, ranges, and the spine.</summary>
    private static IEnumerable<DataQualityCheck> AsOfChecks<T>(string model, string prefix,
        System.Linq.Expressions.Expression<Func<T, bool>> outOfRange) where T : OrgAsOfRow
    {
        yield return Rows($"{prefix}_no_duplicate_keys", model, Severity.Error, "Grain: no (org_id, as_of_date) has more than one row.",
            scope => scope.AsOfRows<T>().GroupBy(r => new { r.OrgId, r.AsOfDate }).Where(g => g.Count() > 1)
                .Select(g => new { g.Key.OrgId, g.Key.AsOfDate, Rows = g.Count() }));
        yield return Rows($"{prefix}_no_null_keys", model, Severity.Error, "No row has a NULL org_id or as_of_date.",
            scope => scope.AsOfRows<T>().Where(r => Sql.ToNullable(r.AsOfDate) == null || (string?)r.OrgId == null).Select(r => new { r.OrgId }));
        yield return Rows($"{prefix}_scores_in_range", model, Severity.Error, "Scores and components are within 0-100, shares within 0-1, counts consistent.",
            scope => scope.AsOfRows<T>().Where(outOfRange).Select(r => new { r.OrgId, r.AsOfDate }));
        yield return Rows($"{prefix}_orgs_in_spine", model, Severity.Error, "Relationships: every org_id is in the org spine.",
            scope => scope.AsOfRows<T>().Select(r => r.OrgId).Distinct()
                .Where(id => !scope.Db.GetTable<IntOrgSpine>().Any(s => s.OrgId == id)).Select(id => new { OrgId = id }));
        yield return Rows($"{prefix}_spine_complete", model, Severity.Error,
            "Every org of the spine has a row for the latest as-of date, activity or not.",
            scope =>
            {
                // Every run can break it (a new org, a new date), and it costs one key lookup per org: always whole.
                var db = scope.Db;
                var latest = db.GetTable<IntCalendarDate>().Max(c => (DateOnly?)c.Date);
                return db.GetTable<IntOrgSpine>()
                    .Where(s => s.StartDate <= latest && !db.GetTable<T>().Any(r => r.OrgId == s.OrgId && r.AsOfDate == latest))
                    .Select(s => new { s.OrgId, MissingAsOfDate = latest });
            });
    }

    private static async Task<CheckOutcome> LatestActivityDateAsync(CheckScope scope, DateOnly today)
    {
        var latest = await scope.Db.GetTable<OrgDailyActivityRow>().MaxAsync(d => (DateOnly?)d.ActivityDate);
        return latest >= today.AddDays(-1)
            ? CheckOutcome.Pass
            : new CheckOutcome(1, latest is null ? "no rows" : $"latest activity_date {latest:yyyy-MM-dd}, expected {today.AddDays(-1):yyyy-MM-dd} or later");
    }

    private static async Task<CheckOutcome> ReconciliationAsync(CheckScope scope, DateOnly _)
    {
        var mart = await scope.Daily.SumAsync(d => (long?)d.TotalEventCount) ?? 0;
        var staged = await scope.AttributedEvents.LongCountAsync();
        var userDaily = await scope.UserDaily.SumAsync(u => (long?)u.EventCount) ?? 0;
        var stagedUserLevel = await scope.AttributedEvents.LongCountAsync(e => !e.IsSystem);
        var difference = Math.Abs(mart - staged) + Math.Abs(userDaily - stagedUserLevel);
        return difference == 0
            ? CheckOutcome.Pass
            : new CheckOutcome(difference, $"fct_org_daily_activity {mart} events vs {staged} attributed staged events; int_org_user_daily {userDaily} vs {stagedUserLevel} user-level");
    }
}
