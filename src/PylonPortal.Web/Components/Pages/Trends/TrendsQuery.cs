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
        // int_calendar runs from the first to the last activity_date of the daily mart: two key lookups.
        if (await db.Calendar.MaxAsync(c => (DateOnly?)c.Date, ct) is not { } through)
            return null;
        var from = await db.Calendar.MinAsync(c => c.Date, ct);

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
    /// were active and used each category, from int_segment_weekly_activity (an org counts once per week, and
    /// has one segment, so segments add up).
    /// </summary>
    internal static IQueryable<WeekAggregate> Weekly(PortalDbContext db, string? segment, DateOnly firstWeek, DateOnly through)
    {
        var firstDay = firstWeek.DayNumber;
        var weeks = db.SegmentWeeklyActivity.AsNoTracking().Where(w => w.WeekStart >= firstWeek && w.WeekStart <= through);
        if (segment is not null) weeks = weeks.Where(w => w.Segment == segment);
        return weeks
            .GroupBy(w => w.WeekStart)
            .Select(g => new WeekAggregate
            {
                Week = (g.Key.DayNumber - firstDay) / 7,
                ActiveOrgs = g.Sum(w => w.ActiveOrgs),
                Total = g.Sum(w => w.TotalEvents),
                Issue = g.Sum(w => w.IssueEvents),
                Ai = g.Sum(w => w.AiEvents),
                Frontend = g.Sum(w => w.FrontendEvents),
                Kb = g.Sum(w => w.KbEvents),
                IssueOrgs = g.Sum(w => w.IssueOrgs),
                AiOrgs = g.Sum(w => w.AiOrgs),
                FrontendOrgs = g.Sum(w => w.FrontendOrgs),
                KbOrgs = g.Sum(w => w.KbOrgs),
            });
    }

    /// <summary>Attributed events per event name in the two windows, from int_segment_event_daily.</summary>
    internal static IQueryable<EventGrowth> EventCounts(PortalDbContext db, string? segment, DateWindow recent, DateWindow previous)
    {
        var days = db.SegmentEventDaily.AsNoTracking().Where(e => e.ActivityDate >= previous.Start && e.ActivityDate <= recent.End);
        if (segment is not null) days = days.Where(e => e.Segment == segment);
        var recentStart = recent.Start;
        return days
            .GroupBy(e => new { e.Event, e.Category })
            .Select(g => new EventGrowth(
                g.Key.Event, g.Key.Category,
                g.Sum(e => e.ActivityDate >= recentStart ? e.EventCount : 0),
                g.Sum(e => e.ActivityDate < recentStart ? e.EventCount : 0)));
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
