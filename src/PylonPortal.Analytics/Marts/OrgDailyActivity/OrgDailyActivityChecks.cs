using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Quality;
using PylonPortal.Analytics.Staging;
using static PylonPortal.Analytics.Quality.DataQualityCheck;

namespace PylonPortal.Analytics.Marts.OrgDailyActivity;

/// <summary>fct_org_daily_activity's data-quality checks (DESIGN section 6); the first three are the seed's validation queries.</summary>
internal static class OrgDailyActivityChecks
{
    private const string Daily = "fct_org_daily_activity";

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
    ];

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
