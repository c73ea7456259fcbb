using LinqToDB;
using LinqToDB.Data;
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

    public IQueryable<T> AsOfRows<T>() where T : OrgAsOfRow => RowsWrittenOnly
        ? Db.GetTable<T>().Where(r => TouchedAsOfRange.Includes(Db.GetTable<TouchedAsOfRange>(), r.OrgId, r.AsOfDate))
        : Db.GetTable<T>();
}
