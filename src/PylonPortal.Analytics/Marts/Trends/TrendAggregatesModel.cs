using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Marts.Trends;

/// <summary>
/// The Trends page's two small aggregates, so that the page reads rows per week and segment, not per org.
/// Recomputed for the weeks and dates this run touched, across all orgs (a date's total includes every org).
/// </summary>
internal static class TrendAggregatesModel
{
    public static async Task BuildWeeklyAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        var table = db.GetTable<IntSegmentWeeklyActivity>();
        var days = db.GetTable<OrgDailyActivityRow>().AsQueryable();
        if (!ctx.FullRefresh) // a full build has cleared it already
        {
            var weeks = db.GetTable<TouchedDay>().Select(t => SqlFunctions.WeekStart(t.ActivityDate)).Distinct();
            if (await weeks.Select(w => (DateOnly?)w).MinAsync() is not { } first) return;
            var last = (await weeks.MaxAsync()).AddDays(6);
            step.RowsDeleted = await table.Where(w => weeks.Contains(w.WeekStart)).DeleteAsync();
            // Driven by the spine's orgs, so each org's weeks are one range of the (org_id, activity_date) key.
            days =
                from o in db.GetTable<IntOrgSpine>()
                from d in db.GetTable<OrgDailyActivityRow>().Where(d => d.OrgId == o.OrgId && d.ActivityDate >= first && d.ActivityDate <= last)
                where weeks.Contains(SqlFunctions.WeekStart(d.ActivityDate))
                select d;
        }

        // Per org and week first, so an org counts once per week.
        var orgWeeks =
            from d in days
            group d by new { Segment = d.AccountSegment ?? "", Week = SqlFunctions.WeekStart(d.ActivityDate), d.OrgId } into g
            select new
            {
                g.Key.Segment,
                g.Key.Week,
                Total = g.Sum(d => (long)d.TotalEventCount),
                Issue = g.Sum(d => (long)d.IssueEvents),
                Ai = g.Sum(d => (long)d.AiEvents),
                Frontend = g.Sum(d => (long)d.FrontendEvents),
                Kb = g.Sum(d => (long)d.KbEvents),
            };
        var rows =
            from o in orgWeeks
            group o by new { o.Segment, o.Week } into g
            select new IntSegmentWeeklyActivity
            {
                Segment = g.Key.Segment,
                WeekStart = g.Key.Week,
                ActiveOrgs = g.Count(),
                TotalEvents = g.Sum(o => o.Total),
                IssueEvents = g.Sum(o => o.Issue),
                AiEvents = g.Sum(o => o.Ai),
                FrontendEvents = g.Sum(o => o.Frontend),
                KbEvents = g.Sum(o => o.Kb),
                IssueOrgs = g.Count(o => o.Issue > 0),
                AiOrgs = g.Count(o => o.Ai > 0),
                FrontendOrgs = g.Count(o => o.Frontend > 0),
                KbOrgs = g.Count(o => o.Kb > 0),
            };
        step.RowsWritten = await rows.InsertAsync(table, r => r);
    }

    public static async Task BuildEventDailyAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        var table = db.GetTable<IntSegmentEventDaily>();
        var events = db.GetTable<IntOrgEventDaily>().AsQueryable();
        if (!ctx.FullRefresh) // a full build has cleared it already
        {
            var dates = db.GetTable<TouchedDay>().Select(t => t.ActivityDate).Distinct();
            if (await dates.Select(d => (DateOnly?)d).MinAsync() is not { } first) return;
            var last = await dates.MaxAsync();
            step.RowsDeleted = await table.Where(e => dates.Contains(e.ActivityDate)).DeleteAsync();
            events =
                from o in db.GetTable<IntOrgSpine>()
                from e in db.GetTable<IntOrgEventDaily>().Where(e => e.OrgId == o.OrgId && e.ActivityDate >= first && e.ActivityDate <= last)
                where dates.Contains(e.ActivityDate)
                select e;
        }

        // The segment the daily mart gives the org: its account's, now. Grouped by id, then named.
        var groups =
            from e in events
            from a in db.GetTable<IntOrgAccount>().Where(a => a.OrgId == e.OrgId).DefaultIfEmpty()
            group e by new { Segment = a.Segment ?? "", e.ActivityDate, e.EventId } into g
            select new { g.Key.Segment, g.Key.ActivityDate, g.Key.EventId, Events = g.Sum(e => (long)e.EventCount) };
        var rows =
            from g in groups.AsSubQuery()
            join name in db.GetTable<EventClassification>() on g.EventId equals name.Id
            select new IntSegmentEventDaily
            {
                Segment = g.Segment,
                ActivityDate = g.ActivityDate,
                Event = name.Event,
                Category = name.Category,
                EventCount = g.Events,
            };
        step.RowsWritten = await rows.InsertAsync(table, r => r);
    }
}
