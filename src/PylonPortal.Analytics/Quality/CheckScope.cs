using LinqToDB;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Quality;

/// <summary>
/// The rows the checks read: every row (<c>pylon test</c>, full builds), or only the rows an incremental
/// build wrote, found through its work tables (DESIGN section 6 allows it), so an hourly run's checks cost
/// what its changes cost rather than what the history costs.
/// </summary>
public sealed record CheckScope(DataConnection Db, bool RowsWrittenOnly)
{
    public IQueryable<OrgDailyActivityRow> Daily => RowsWrittenOnly
        ? Db.GetTable<OrgDailyActivityRow>().Where(d => TouchedDay.Includes(Db.GetTable<TouchedDay>(), d.OrgId, d.ActivityDate))
        : Db.GetTable<OrgDailyActivityRow>();

    public IQueryable<IntOrgUserDaily> UserDaily => RowsWrittenOnly
        ? Db.GetTable<IntOrgUserDaily>().Where(d => TouchedDay.Includes(Db.GetTable<TouchedDay>(), d.OrgId, d.ActivityDate))
        : Db.GetTable<IntOrgUserDaily>();

    /// <summary>The staged events the daily rows in scope aggregate: attributed ones, of the same keys.</summary>
    public IQueryable<StgProductEvent> AttributedEvents => RowsWrittenOnly
        ? Db.GetTable<StgProductEvent>().Where(e => e.OrgId != null && TouchedDay.Includes(Db.GetTable<TouchedDay>(), e.OrgId, e.ActivityDate))
        : Db.GetTable<StgProductEvent>().Where(e => e.OrgId != null);

    /// <summary>
    /// The as-of rows in scope. Written ones are read per touched org between its first and last touched date (an
    /// index range each, where "org in the touched orgs" read every date of a touched org), then tested against
    /// the ranges themselves; one span per org, so no row comes twice.
    /// </summary>
    public IQueryable<T> AsOfRows<T>() where T : OrgAsOfRow
    {
        if (!RowsWrittenOnly) return Db.GetTable<T>();
        var ranges = Db.GetTable<TouchedAsOfRange>();
        return
            from span in TouchedAsOfRange.SpansPerOrg(ranges)
            join r in Db.GetTable<T>() on SqlFunctions.DrivingKey(span.OrgId) equals r.OrgId
            where r.AsOfDate >= span.From && r.AsOfDate <= span.To
                  && ranges.Any(t => t.OrgId == r.OrgId && r.AsOfDate >= t.FromDate && r.AsOfDate <= t.ToDate)
            select r;
    }
}
