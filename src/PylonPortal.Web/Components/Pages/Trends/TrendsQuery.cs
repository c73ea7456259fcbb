using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Web.Components.Pages.Trends;

/// <summary>
/// The trends page's numbers. The database aggregates (per week, per event name); only chart-sized rows
/// come back: one per week and one per event name.
/// </summary>
public static class TrendsQuery
{
    /// <summary>The growth windows are this many days each: "the last 4 weeks vs the 4 weeks before".</summary>
    public const int GrowthWindowDays = 28;

    public const int FastestGrowingCount = 10;

    /// <summary>Null when there is no activity at all yet.</summary>
    public static async Task<TrendsReport?> LoadAsync(PortalDbContext db, TrendsFilter filter, CancellationToken ct = default)
    {
        if (await db.OrgDailyActivity.MaxAsync(d => (DateOnly?)d.ActivityDate, ct) is not { } through)
            return null;
        var from = await db.OrgDailyActivity.MinAsync(d => d.ActivityDate, ct);

        // The chosen number of weeks back from the latest data, but never before the history starts.
        var lastWeek = WeekStart(through);
        var firstWeek = DateOnly.FromDayNumber(Math.Max(lastWeek.AddDays(-7 * (filter.Weeks - 1)).DayNumber, WeekStart(from).DayNumber));
        var aggregates = await Weekly(db, filter.Segment, firstWeek, through).ToDictionaryAsync(w => w.Week, ct);
        var weeks = Enumerable.Range(0, (lastWeek.DayNumber - firstWeek.DayNumber) / 7 + 1)
            .Select(i => ToWeek(firstWeek.AddDays(7 * i), aggregates.GetValueOrDefault(i), from, through))
            .ToList();

        var recent = new DateWindow(through.AddDays(1 - GrowthWindowDays), through);
        var previous = new DateWindow(recent.Start.AddDays(-GrowthWindowDays), recent.Start.AddDays(-1));
        var counts = await EventCounts(db, filter.Segment, recent, previous).ToListAsync(ct);
        return new TrendsReport(from, through, weeks, recent, previous, FastestGrowing(counts));
    }

    /// <summary>The segments of the orgs' accounts, for the filter.</summary>
    public static Task<List<string>> SegmentsAsync(PortalDbContext db, CancellationToken ct = default) =>
        db.OrgAccounts.AsNoTracking()
            .Where(a => a.Segment != null && a.Segment != "")
            .Select(a => a.Segment!).Distinct().OrderBy(s => s).ToListAsync(ct);

    /// <summary>The Monday on or before <paramref name="date"/>: weeks start on Monday (ISO 8601).</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// One row per week (numbered from <paramref name="firstWeek"/>) with its event counts and how many orgs
    /// were active and used each category. Grouped per org and week first, so an org counts once per week.
    /// </summary>
    internal static IQueryable<WeekAggregate> Weekly(PortalDbContext db, string? segment, DateOnly firstWeek, DateOnly through)
    {
        var firstDay = firstWeek.DayNumber;
        var days = db.OrgDailyActivity.AsNoTracking().Where(d => d.ActivityDate >= firstWeek && d.ActivityDate <= through);
        if (segment is not null) days = days.Where(d => d.AccountSegment == segment);
        return days
            .GroupBy(d => new { d.OrgId, Week = (d.ActivityDate.DayNumber - firstDay) / 7 })
            .Select(g => new
            {
                g.Key.Week,
                Total = g.Sum(d => (long)d.TotalEventCount),
                Issue = g.Sum(d => (long)d.IssueEvents),
                Ai = g.Sum(d => (long)d.AiEvents),
                Frontend = g.Sum(d => (long)d.FrontendEvents),
                Kb = g.Sum(d => (long)d.KbEvents),
            })
            .GroupBy(o => o.Week)
            .Select(g => new WeekAggregate
            {
                Week = g.Key,
                ActiveOrgs = g.Count(),
                Total = g.Sum(o => o.Total),
                Issue = g.Sum(o => o.Issue),
                Ai = g.Sum(o => o.Ai),
                Frontend = g.Sum(o => o.Frontend),
                Kb = g.Sum(o => o.Kb),
                IssueOrgs = g.Count(o => o.Issue > 0),
                AiOrgs = g.Count(o => o.Ai > 0),
                FrontendOrgs = g.Count(o => o.Frontend > 0),
                KbOrgs = g.Count(o => o.Kb > 0),
            });
    }

    /// <summary>
    /// Attributed events per event name in the two windows, from the staged events. Driven org by org, so
    /// each org's 56 days are one range of the (org_id, activity_date) index (org_id IN ...) rather than a
    /// scan of the history. The orgs and their segment come from the daily mart, as in the weekly figures.
    /// </summary>
    internal static IQueryable<EventGrowth> EventCounts(PortalDbContext db, string? segment, DateWindow recent, DateWindow previous)
    {
        var activeDays = db.OrgDailyActivity.Where(d => d.ActivityDate >= previous.Start && d.ActivityDate <= recent.End);
        if (segment is not null) activeDays = activeDays.Where(d => d.AccountSegment == segment);
        var orgs = activeDays.Select(d => d.OrgId);
        var events = db.StgProductEvents.AsNoTracking()
            .Where(e => orgs.Contains(e.OrgId!) && e.ActivityDate >= previous.Start && e.ActivityDate <= recent.End);
        var recentStart = recent.Start;
        return events
            .GroupBy(e => new { e.Event, e.Category })
            .Select(g => new EventGrowth(
                g.Key.Event!, g.Key.Category,
                g.Count(e => e.ActivityDate >= recentStart),
                g.Count(e => e.ActivityDate < recentStart)));
    }

    /// <summary>
    /// Growing first: event types new in the recent window (no percentage, flagged), then by percent
    /// change, then by absolute change. Types with no recent events are not growing at all.
    /// </summary>
    public static IReadOnlyList<EventGrowth> FastestGrowing(IEnumerable<EventGrowth> counts) =>
        counts.Where(c => c.Recent > 0)
            .OrderByDescending(c => c.IsNew)
            .ThenByDescending(c => c.PercentChange ?? double.MaxValue)
            .ThenByDescending(c => c.Change)
            .ThenBy(c => c.Event, StringComparer.Ordinal)
            .Take(FastestGrowingCount)
            .ToList();

    private static TrendWeek ToWeek(DateOnly start, WeekAggregate? a, DateOnly from, DateOnly through)
    {
        a ??= new WeekAggregate();
        var events = new Dictionary<string, long>
        {
            [EventClassifier.IssueManagement] = a.Issue,
            [EventClassifier.AiFeatures] = a.Ai,
            [EventClassifier.FrontendNavigation] = a.Frontend,
            [EventClassifier.KnowledgeBase] = a.Kb,
            [EventClassifier.Other] = a.Total - a.Issue - a.Ai - a.Frontend - a.Kb,
        };
        var orgsUsing = new Dictionary<string, int>
        {
            [EventClassifier.IssueManagement] = a.IssueOrgs,
            [EventClassifier.AiFeatures] = a.AiOrgs,
            [EventClassifier.FrontendNavigation] = a.FrontendOrgs,
            [EventClassifier.KnowledgeBase] = a.KbOrgs,
        };
        return new TrendWeek(start, start < from || start.AddDays(6) > through, events, a.ActiveOrgs, orgsUsing);
    }

    internal sealed class WeekAggregate
    {
        public int Week { get; init; }
        public int ActiveOrgs { get; init; }
        public long Total { get; init; }
        public long Issue { get; init; }
        public long Ai { get; init; }
        public long Frontend { get; init; }
        public long Kb { get; init; }
        public int IssueOrgs { get; init; }
        public int AiOrgs { get; init; }
        public int FrontendOrgs { get; init; }
        public int KbOrgs { get; init; }
    }
}
