using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;
using static PylonPortal.Analytics.Staging.EventClassifier;

namespace PylonPortal.Analytics.Marts.OrgDailyActivity;

/// <summary>
/// fct_org_daily_activity (DESIGN section 4) and the two intermediate models it is built from:
/// int_org_event_daily (events per org, day and event name) and int_org_user_daily (per org, day and user),
/// each one pass over the staged events. All three are recomputed for the touched (org, activity_date) keys only.
/// </summary>
internal static class OrgDailyActivityModel
{
    /// <summary>
    /// The attributed staged events to aggregate: all of them on a full build, else those of the touched keys (index
    /// lookups), so an hourly run costs what its changes cost. Attributed events have an org, a date and a named event.
    /// A full build reads them in one ordered pass over the (org_id, activity_date, event_id, is_system) index when
    /// that holds every column the model reads; otherwise (<paramref name="indexHoldsColumns"/> false) by one scan of
    /// the table, which reads each page once where the index order would fetch the rows all over it.
    /// </summary>
    private static IQueryable<StgProductEvent> EventsToAggregate(BuildContext ctx, bool indexHoldsColumns)
    {
        var events = ctx.Db.GetTable<StgProductEvent>();
        var keys = ctx.Db.GetTable<TouchedDay>();
        if (!ctx.FullRefresh) return events.Where(e => e.OrgId != null && TouchedDay.Includes(keys, e.OrgId, e.ActivityDate));
        return indexHoldsColumns ? events.Where(e => e.OrgId != null) : events.Where(e => SqlFunctions.DrivingKey(e.OrgId!) != null);
    }

    /// <summary>The rows of <typeparamref name="T"/> this run recomputes (a full build has cleared them already).</summary>
    private static IQueryable<T> RecomputedRows<T>(BuildContext ctx, bool ofTouchedOrgs) where T : class
    {
        var rows = ctx.Db.GetTable<T>();
        if (ofTouchedOrgs)
        {
            var orgs = IncrementalRules.OrgsTouchingDaily(ctx.Db).Select(o => o.OrgId);
            return rows.Where(d => orgs.Contains(Sql.Property<string>(d, nameof(TouchedDay.OrgId))));
        }
        var keys = ctx.Db.GetTable<TouchedDay>();
        return rows.Where(d => TouchedDay.Includes(keys, Sql.Property<string>(d, nameof(TouchedDay.OrgId)),
            Sql.Property<DateOnly>(d, nameof(TouchedDay.ActivityDate))));
    }

    /// <summary>
    /// Deletes the rows this run recomputes: every row of a touched org (dates it no longer has included), then
    /// those of the touched keys; two statements, each through the (org_id, activity_date) key.
    /// </summary>
    private static async Task<int> DeleteRecomputedAsync<T>(BuildContext ctx) where T : class =>
        ctx.FullRefresh ? 0 : await RecomputedRows<T>(ctx, true).DeleteAsync() + await RecomputedRows<T>(ctx, false).DeleteAsync();

    /// <summary>
    /// int_org_event_daily: one ordered pass over the staged events' (org_id, activity_date, event_id, is_system)
    /// index, which holds every column it reads, grouped by the index's own columns (no expressions) so the engine
    /// reads them in index order.
    /// </summary>
    public static async Task BuildEventDailyAsync(BuildContext ctx, PipelineRunStep step)
    {
        step.RowsDeleted = await DeleteRecomputedAsync<IntOrgEventDaily>(ctx);
        var rows =
            from e in EventsToAggregate(ctx, indexHoldsColumns: true)
            group e by new { e.OrgId, e.ActivityDate, e.EventId } into g
            select new IntOrgEventDaily
            {
                OrgId = g.Key.OrgId!,
                ActivityDate = g.Key.ActivityDate!.Value,
                EventId = g.Key.EventId!.Value,
                EventCount = g.Count(),
                UserEventCount = g.Count(e => !e.IsSystem),
            };
        step.RowsWritten = await rows.InsertAsync(ctx.Db.GetTable<IntOrgEventDaily>(), r => r);
    }

    /// <summary>int_org_user_daily: user-level events only (system-level ids are not users).</summary>
    public static async Task BuildUserDailyAsync(BuildContext ctx, PipelineRunStep step)
    {
        step.RowsDeleted = await DeleteRecomputedAsync<IntOrgUserDaily>(ctx);
        // The category by a join, not "event_id IN (AI names)" inside COUNT: SQL Server allows no subquery in an
        // aggregate (error 130, https://learn.microsoft.com/previous-versions/sql/sql-server-2008-r2/bb510454(v=sql.105)).
        var rows =
            from e in EventsToAggregate(ctx, indexHoldsColumns: false)
            join name in ctx.Db.GetTable<EventClassification>() on e.EventId equals (int?)name.Id
            where !e.IsSystem
            group new { e, name.Category } by new { e.OrgId, e.ActivityDate, e.DistinctId } into g
            select new IntOrgUserDaily
            {
                OrgId = g.Key.OrgId!,
                UserId = g.Key.DistinctId!,
                ActivityDate = g.Key.ActivityDate!.Value,
                EventCount = g.Count(),
                AiEventCount = g.Count(x => x.Category == AiFeatures),
            };
        step.RowsWritten = await rows.InsertAsync(ctx.Db.GetTable<IntOrgUserDaily>(), r => r);
    }

    /// <summary>fct_org_daily_activity from the two intermediate models, with the org and its account.</summary>
    public static async Task BuildAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        step.RowsRead = await db.GetTable<TouchedDay>().LongCountAsync();
        step.RowsDeleted = await DeleteRecomputedAsync<OrgDailyActivityRow>(ctx);

        // The intermediate rows of this run: those of the touched keys (a touched org's dates are all touched keys).
        var eventDays = ctx.FullRefresh ? db.GetTable<IntOrgEventDaily>() : RecomputedRows<IntOrgEventDaily>(ctx, false);
        var userDays = ctx.FullRefresh ? db.GetTable<IntOrgUserDaily>() : RecomputedRows<IntOrgUserDaily>(ctx, false);

        var names = db.GetTable<EventClassification>();
        var perDay =
            from e in eventDays
            join name in names on e.EventId equals name.Id
            group new { e.EventCount, e.UserEventCount, name.Category } by new { e.OrgId, e.ActivityDate } into g
            select new
            {
                g.Key.OrgId,
                g.Key.ActivityDate,
                Total = g.Sum(e => e.EventCount),
                UserEvents = g.Sum(e => e.UserEventCount),
                EventTypes = g.Count(),
                TopEventCount = g.Max(e => e.EventCount),
                Issue = g.Sum(e => e.Category == IssueManagement ? e.EventCount : 0),
                Ai = g.Sum(e => e.Category == AiFeatures ? e.EventCount : 0),
                Frontend = g.Sum(e => e.Category == FrontendNavigation ? e.EventCount : 0),
                Kb = g.Sum(e => e.Category == KnowledgeBase ? e.EventCount : 0),
            };
        var usersPerDay =
            from u in userDays
            group u by new { u.OrgId, u.ActivityDate } into g
            select new { g.Key.OrgId, g.Key.ActivityDate, Users = g.Count() };

        var rows =
            from d in perDay
            from u in usersPerDay.Where(u => u.OrgId == d.OrgId && u.ActivityDate == d.ActivityDate).DefaultIfEmpty()
            from org in db.GetTable<StgOrganization>().Where(o => o.Id == d.OrgId).DefaultIfEmpty()
            from account in db.GetTable<IntOrgAccount>().Where(a => a.OrgId == d.OrgId).DefaultIfEmpty()
            let users = (int?)u.Users ?? 0
            let categories = (d.Ai > 0 ? 1 : 0) + (d.Frontend > 0 ? 1 : 0) + (d.Issue > 0 ? 1 : 0) + (d.Kb > 0 ? 1 : 0)
            let categoriesUsed =
                (d.Ai > 0 ? ", " + AiFeatures : "") + (d.Frontend > 0 ? ", " + FrontendNavigation : "")
                + (d.Issue > 0 ? ", " + IssueManagement : "") + (d.Kb > 0 ? ", " + KnowledgeBase : "")
            select new OrgDailyActivityRow
            {
                OrgId = d.OrgId,
                OrgName = org.Name,
                OrgDomain = org.Domain,
                OrgCreatedDate = org.CreatedAt,
                ActivityDate = d.ActivityDate,
                TotalEventCount = d.Total,
                UniqueUserCount = users,
                DistinctEventTypes = d.EventTypes,
                DistinctFeatureCategories = categories,
                // The most frequent event name; a tie goes to the first in ordinal order. A lookup of the day's few
                // rows through the (org_id, activity_date, event) key, not a ranking of every row: SQLite materialized
                // the ranking of a year of rows to join it, which took three times as long.
                TopEventType = (
                    from e in db.GetTable<IntOrgEventDaily>()
                    where e.OrgId == d.OrgId && e.ActivityDate == d.ActivityDate && e.EventCount == d.TopEventCount
                    join name in names on e.EventId equals name.Id
                    select name.Event).Min(),
                TopEventCount = d.TopEventCount,
                // Rounded half away from zero to 2 decimals in integer arithmetic: exact on both engines.
                AvgEventsPerUser = users == 0 ? 0 : SqlFunctions.Hundredths((200 * d.UserEvents + users) / (2 * users)),
                IssueEvents = d.Issue,
                AiEvents = d.Ai,
                FrontendEvents = d.Frontend,
                KbEvents = d.Kb,
                FeatureCategoriesUsed = categories == 0 ? null : categoriesUsed.Substring(2),
                SalesforceAccountName = account.AccountName,
                Industry = account.Industry,
                AccountSegment = account.Segment,
                SeatTier = account.SeatTier,
                CurrentArr = (double?)account.CurrentArr,
                AnnualRevenue = (double?)account.AnnualRevenue,
                IsPayingCustomer = PayingCustomer.Is(account.CurrentArr),
                LoadedAt = ctx.StartedAt,
            };
        step.RowsWritten = await rows.InsertAsync(db.GetTable<OrgDailyActivityRow>(), r => r);
    }
}
