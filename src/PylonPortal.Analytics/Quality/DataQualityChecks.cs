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
/// (DESIGN section 6): each mart's own, kept in its folder, and the grain, key and spine checks both
/// derived marts share.
/// </summary>
public static class DataQualityChecks
{
    public static readonly IReadOnlyList<DataQualityCheck> All =
        [.. OrgDailyActivityChecks.All, .. AiAdoptionChecks.All, .. ReferenceReadinessChecks.All];

    /// <summary>The checks both derived marts share: grain, keys, ranges, and the spine.</summary>
    internal static IEnumerable<DataQualityCheck> AsOfChecks<T>(string model, string prefix,
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
}
