using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;
using static PylonPortal.Analytics.Staging.EventClassifier;

namespace PylonPortal.Analytics.Marts.OrgDailyActivity;

/// <summary>
/// fct_org_daily_activity and int_org_user_daily (DESIGN section 4), recomputed for the touched
/// (org, activity_date) keys only, from the staged events.
/// </summary>
internal static class OrgDailyActivityModel
{
    /// <summary>Touched orgs whose daily rows change (issues only feed the derived marts).</summary>
    private static IQueryable<TouchedOrg> OrgsTouchingDaily(BuildContext ctx) =>
        ctx.Db.GetTable<TouchedOrg>().Where(o => o.Source != "issues");

    /// <summary>Adds every staged date of an org whose users, organization row or account changed (a full build has every date already).</summary>
    public static async Task TouchEveryDateOfTouchedOrgsAsync(BuildContext ctx)
    {
        if (ctx.FullRefresh) return;
        var orgs = OrgsTouchingDaily(ctx).Select(o => (string?)o.OrgId);
        await StagingSql.TouchDaysAsync(ctx.Db,
            from e in ctx.Db.GetTable<StgProductEvent>()
            where orgs.Contains(e.OrgId)
            select new TouchedDay { OrgId = e.OrgId!, ActivityDate = e.ActivityDate!.Value });
    }

    /// <summary>
    /// The attributed staged events to aggregate: all of them on a full build (one scan), else those of the
    /// touched keys (index lookups), so an hourly run costs what its changes cost.
    /// </summary>
    private static IQueryable<StgProductEvent> EventsToAggregate(BuildContext ctx)
    {
        var events = ctx.Db.GetTable<StgProductEvent>().Where(e => e.OrgId != null);
        var keys = ctx.Db.GetTable<TouchedDay>();
        return ctx.FullRefresh ? events : events.Where(e => TouchedDay.Includes(keys, e.OrgId, e.ActivityDate));
    }

    /// <summary>
    /// Deletes the rows this run recomputes: those of touched orgs, then those of touched keys (two statements,
    /// each through the (org_id, activity_date) key). A full build has cleared them already.
    /// </summary>
    private static async Task<int> DeleteRecomputedAsync<T>(BuildContext ctx) where T : class
    {
        if (ctx.FullRefresh) return 0;
        var rows = ctx.Db.GetTable<T>();
        var orgs = OrgsTouchingDaily(ctx).Select(o => o.OrgId);
        var keys = ctx.Db.GetTable<TouchedDay>();
        var deleted = await rows.Where(d => orgs.Contains(Sql.Property<string>(d, nameof(TouchedDay.OrgId)))).DeleteAsync();
        return deleted + await rows
            .Where(d => TouchedDay.Includes(keys, Sql.Property<string>(d, nameof(TouchedDay.OrgId)), Sql.Property<DateOnly>(d, nameof(TouchedDay.ActivityDate))))
            .DeleteAsync();
    }

    public static async Task BuildAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        step.RowsRead = await db.GetTable<TouchedDay>().LongCountAsync();
        step.RowsDeleted = await DeleteRecomputedAsync<OrgDailyActivityRow>(ctx);

        // The keys are never NULL here; saying so (?? ...) lets the two aggregates below join on plain equality,
        // which the engine can index, rather than on a NULL-safe comparison, which it cannot.
        var events =
            from e in EventsToAggregate(ctx)
            select new { OrgId = e.OrgId ?? "", ActivityDate = e.ActivityDate ?? DateOnly.MinValue, e.Event, e.DistinctId, e.IsSystem, e.Category };

        var perDay =
            from e in events
            group e by new { e.OrgId, e.ActivityDate } into g
            select new
            {
                g.Key.OrgId,
                g.Key.ActivityDate,
                Total = g.Count(),
                UserEvents = g.Count(e => !e.IsSystem),
                // System-level ids (org-...) are not users.
                Users = g.Select(e => e.IsSystem ? null : e.DistinctId).Distinct().Count(),
                EventTypes = g.Select(e => e.Event).Distinct().Count(),
                Categories = g.Select(e => e.Category == Other ? null : e.Category).Distinct().Count(),
                Issue = g.Count(e => e.Category == IssueManagement),
                Ai = g.Count(e => e.Category == AiFeatures),
                Frontend = g.Count(e => e.Category == FrontendNavigation),
                Kb = g.Count(e => e.Category == KnowledgeBase),
            };

        // Most frequent event name; a tie goes to the first in ordinal order.
        var topEvent =
            (from c in (from e in events
                        group e by new { e.OrgId, e.ActivityDate, e.Event } into g
                        select new { g.Key.OrgId, g.Key.ActivityDate, g.Key.Event, Occurrences = g.Count() }).AsCte("event_counts")
             select new
             {
                 c.OrgId, c.ActivityDate, c.Event, c.Occurrences,
                 Rank = Sql.Ext.RowNumber().Over().PartitionBy(c.OrgId, c.ActivityDate)
                     .OrderByDesc(c.Occurrences).ThenBy(c.Event).ToValue(),
             })
            .AsSubQuery()
            .Where(c => c.Rank == 1);

        var rows =
            from d in perDay
            join t in topEvent on new { d.OrgId, d.ActivityDate } equals new { t.OrgId, t.ActivityDate }
            from org in db.GetTable<StgOrganization>().Where(o => o.Id == d.OrgId).DefaultIfEmpty()
            from account in db.GetTable<IntOrgAccount>().Where(a => a.OrgId == d.OrgId).DefaultIfEmpty()
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
                UniqueUserCount = d.Users,
                DistinctEventTypes = d.EventTypes,
                DistinctFeatureCategories = d.Categories,
                TopEventType = t.Event,
                TopEventCount = t.Occurrences,
                // Rounded half away from zero to 2 decimals in integer arithmetic: exact on both engines.
                AvgEventsPerUser = d.Users == 0 ? 0 : SqlFunctions.Hundredths((200 * d.UserEvents + d.Users) / (2 * d.Users)),
                IssueEvents = d.Issue,
                AiEvents = d.Ai,
                FrontendEvents = d.Frontend,
                KbEvents = d.Kb,
                FeatureCategoriesUsed = d.Categories == 0 ? null : categoriesUsed.Substring(2),
                SalesforceAccountName = account.AccountName,
                Industry = account.Industry,
                AccountSegment = account.Segment,
                SeatTier = account.SeatTier,
                CurrentArr = (double?)account.CurrentArr,
                AnnualRevenue = (double?)account.AnnualRevenue,
                IsPayingCustomer = account.CurrentArr > 0,
                LoadedAt = ctx.StartedAt,
            };
        step.RowsWritten = await rows.InsertAsync(db.GetTable<OrgDailyActivityRow>(), r => r);
    }

    public static async Task BuildUserDailyAsync(BuildContext ctx, PipelineRunStep step)
    {
        step.RowsDeleted = await DeleteRecomputedAsync<IntOrgUserDaily>(ctx);
        var rows =
            from e in EventsToAggregate(ctx)
            where !e.IsSystem
            group e by new { OrgId = e.OrgId ?? "", UserId = e.DistinctId ?? "", ActivityDate = e.ActivityDate ?? DateOnly.MinValue } into g
            select new IntOrgUserDaily
            {
                OrgId = g.Key.OrgId,
                UserId = g.Key.UserId,
                ActivityDate = g.Key.ActivityDate,
                EventCount = g.Count(),
                AiEventCount = g.Count(e => e.Category == AiFeatures),
            };
        step.RowsWritten = await rows.InsertAsync(ctx.Db.GetTable<IntOrgUserDaily>(), r => r);
    }
}
