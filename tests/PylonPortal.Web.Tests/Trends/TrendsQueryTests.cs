using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.Trends;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Staging;
using PylonPortal.Web.Components.Pages.Trends;
using PylonPortal.Web.Tests.Shared;

namespace PylonPortal.Web.Tests.Trends;

/// <summary>The trends numbers on hand-made mart and staged rows, on a real SQLite database.</summary>
public sealed class TrendsQueryTests : IAsyncLifetime
{
    // Data through Wednesday 25 Nov 2026: the week of Monday 23 Nov is partial.
    private static readonly DateOnly Through = new(2026, 11, 25);
    private const string Issue = EventClassifier.IssueManagement, Ai = EventClassifier.AiFeatures,
        Frontend = EventClassifier.FrontendNavigation, Kb = EventClassifier.KnowledgeBase, Other = EventClassifier.Other;

    private ScratchDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ScratchDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // Monday
    [InlineData("2026-11-25", "2026-11-23")] // Wednesday
    [InlineData("2026-11-29", "2026-11-23")] // Sunday belongs to the week before it
    [InlineData("2026-11-30", "2026-11-30")]
    public void Weeks_start_on_monday(string date, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), TrendsQuery.WeekStart(DateOnly.Parse(date)));

    [Fact]
    public async Task No_activity_yet_gives_no_report()
    {
        await using var db = _db.Factory.Create();
        Assert.Null(await TrendsQuery.LoadAsync(db, new TrendsFilter(null, 26)));
    }

    [Fact]
    public async Task Days_fold_into_monday_weeks_and_the_last_week_is_partial()
    {
        await _db.AddAsync(
            Day("a", "2026-11-08", total: 100, issue: 100),                  // a Sunday before the range
            Day("a", "2026-11-09", total: 10, issue: 4, ai: 3, frontend: 2, kb: 1), // Monday of the first week
            Day("a", "2026-11-15", total: 5, issue: 5),                      // Sunday of the first week
            Day("a", "2026-11-16", total: 8, ai: 8),
            Day("b", "2026-11-22", total: 12, kb: 2),                        // 10 "Other" events
            Day("a", Through.ToString("O"), total: 4, frontend: 4));

        var report = await LoadAsync(new TrendsFilter(null, 3));

        Assert.Equal(Through, report.DataThrough);
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], report.Weeks.Select(w => w.Start));
        Assert.Equal([false, false, true], report.Weeks.Select(w => w.IsPartial));
        Assert.Equal([15L, 20, 4], report.Weeks.Select(w => w.TotalEvents));

        var first = report.Weeks[0];
        Assert.Equal(9, first.Events[Issue]);
        Assert.Equal(3, first.Events[Ai]);
        Assert.Equal(2, first.Events[Frontend]);
        Assert.Equal(1, first.Events[Kb]);
        Assert.Equal(0, first.Events[Other]);
        Assert.Equal(10, report.Weeks[1].Events[Other]);
    }

    [Fact]
    public async Task Weeks_start_where_the_history_does_and_a_first_week_begun_midweek_is_partial()
    {
        await _db.AddAsync(
            Day("a", "2026-11-11", total: 2, issue: 2), // the history starts on a Wednesday
            Day("a", Through.ToString("O"), total: 1, issue: 1));

        var report = await LoadAsync(new TrendsFilter(null, 26));

        Assert.Equal(new DateOnly(2026, 11, 11), report.DataFrom);
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], report.Weeks.Select(w => w.Start));
        Assert.Equal([true, false, true], report.Weeks.Select(w => w.IsPartial));
        Assert.Equal(["9 Nov 2026 (partial)", "16 Nov", "23 Nov (partial)"], TrendCharts.WeekLabels(report.Weeks));
    }

    [Fact]
    public async Task A_week_without_activity_is_zero_not_missing()
    {
        await _db.AddAsync(Day("a", "2026-11-09", total: 3, issue: 3), Day("a", Through.ToString("O"), total: 1, issue: 1));

        var report = await LoadAsync(new TrendsFilter(null, 3));

        Assert.Equal(3, report.Weeks.Count);
        Assert.Equal(0, report.Weeks[1].TotalEvents);
        Assert.Equal(0, report.Weeks[1].ActiveOrgs);
        Assert.Equal(0, report.Weeks[1].Share(Issue));
        Assert.Equal(0, report.Weeks[1].Breadth(Issue));
    }

    [Fact]
    public async Task Shares_are_of_the_weeks_events_and_add_up_to_one()
    {
        await _db.AddAsync(
            Day("a", "2026-11-23", total: 10, issue: 5, ai: 2),
            Day("b", "2026-11-24", total: 10, issue: 3, frontend: 4, kb: 1),
            Day("a", Through.ToString("O"), total: 0));

        var week = (await LoadAsync(new TrendsFilter(null, 1))).Weeks.Single();

        Assert.Equal(0.40, week.Share(Issue), 10);
        Assert.Equal(0.10, week.Share(Ai), 10);
        Assert.Equal(0.20, week.Share(Frontend), 10);
        Assert.Equal(0.05, week.Share(Kb), 10);
        Assert.Equal(0.25, week.Share(Other), 10);
        Assert.Equal(1.0, TrendCategories.All.Sum(week.Share), 10);
    }

    [Fact]
    public async Task Breadth_counts_each_active_org_once_per_week()
    {
        await _db.AddAsync(
            // a uses issues and AI on two days: still one org.
            Day("a", "2026-11-16", total: 3, issue: 2, ai: 1),
            Day("a", "2026-11-17", total: 2, issue: 1, ai: 1),
            Day("b", "2026-11-18", total: 1, issue: 1),
            Day("c", "2026-11-19", total: 7), // only "Other": active, but uses no feature
            Day("d", "2026-11-10", total: 1, kb: 1), // the week before
            Day("a", Through.ToString("O"), total: 1, kb: 1));

        var report = await LoadAsync(new TrendsFilter(null, 3));
        var week = report.Weeks[1];

        Assert.Equal(3, week.ActiveOrgs);
        Assert.Equal(2, week.OrgsUsing[Issue]);
        Assert.Equal(1, week.OrgsUsing[Ai]);
        Assert.Equal(0, week.OrgsUsing[Kb]);
        Assert.Equal(2.0 / 3, week.Breadth(Issue), 10);
        Assert.Equal(1.0 / 3, week.Breadth(Ai), 10);
        Assert.Equal(0, week.Breadth(Frontend));
        Assert.Equal(1, report.Weeks[0].Breadth(Kb));
        Assert.Equal(1, report.Weeks[2].ActiveOrgs);
    }

    [Fact]
    public async Task The_segment_filter_keeps_only_that_segments_orgs()
    {
        await _db.AddAsync(
            Day("ent", "2026-11-23", total: 10, ai: 10, segment: "Enterprise"),
            Day("smb", "2026-11-24", total: 6, issue: 6, segment: "SMB"),
            Day("smb", Through.ToString("O"), total: 1, issue: 1, segment: "SMB"));

        var enterprise = (await LoadAsync(new TrendsFilter("Enterprise", 1))).Weeks.Single();
        var all = (await LoadAsync(new TrendsFilter(null, 1))).Weeks.Single();

        Assert.Equal(10, enterprise.TotalEvents);
        Assert.Equal(1, enterprise.ActiveOrgs);
        Assert.Equal(1.0, enterprise.Share(Ai));
        Assert.Equal(17, all.TotalEvents);
        Assert.Equal(2, all.ActiveOrgs);
    }

    [Fact]
    public async Task Fastest_growing_compares_the_last_28_days_with_the_28_before()
    {
        await _db.AddAsync(Day("a", Through.ToString("O"), total: 1));
        var recent = Through.AddDays(-27);   // 29 Oct: first day of the recent window
        var previous = Through.AddDays(-28); // 28 Oct: last day of the earlier window
        await _db.AddAsync(
        [
            .. Events("issue:created", Issue, previous, 10), .. Events("issue:created", Issue, recent, 15),  // +50%
            .. Events("ai:summary_generated", Ai, Through.AddDays(-55), 2), .. Events("ai:summary_generated", Ai, Through, 8), // +300%
            .. Events("knowledge_base:ai_answer", Ai, recent, 3),                                             // new
            .. Events("frontend:page_viewed", Frontend, previous, 20), .. Events("frontend:page_viewed", Frontend, Through, 10), // -50%
            .. Events("settings:updated", Other, previous, 5),                                                // gone: not growing
            .. Events("user:logged_in", Other, Through.AddDays(-56), 50),                                     // before both windows
            .. Events("user:logged_in", Other, Through, 1),                                                   // so: new
            .. Events("workflow:triggered", Other, Through, 40, org: null),                                   // unattributed
        ]);

        var report = await LoadAsync(new TrendsFilter(null, 4));

        Assert.Equal(new DateWindow(recent, Through), report.RecentWindow);
        Assert.Equal(new DateWindow(Through.AddDays(-55), previous), report.PreviousWindow);
        Assert.Equal(
            ["knowledge_base:ai_answer", "user:logged_in", "ai:summary_generated", "issue:created", "frontend:page_viewed"],
            report.FastestGrowing.Select(g => g.Event));
        var ai = report.FastestGrowing.Single(g => g.Event == "ai:summary_generated");
        Assert.Equal((8L, 2L, 300.0), (ai.Recent, ai.Previous, ai.PercentChange!.Value));
        Assert.Equal(Ai, ai.Category);
        var fresh = report.FastestGrowing[0];
        Assert.True(fresh.IsNew);
        Assert.Null(fresh.PercentChange);
        Assert.Equal(3, fresh.Recent);
        Assert.Equal(-50.0, report.FastestGrowing[^1].PercentChange);
    }

    [Fact]
    public async Task Fastest_growing_keeps_the_top_ten()
    {
        await _db.AddAsync(Day("a", Through.ToString("O"), total: 1));
        var rows = Enumerable.Range(1, 12).SelectMany(i =>
            Events($"e{i:00}", Other, Through.AddDays(-30), 10).Concat(Events($"e{i:00}", Other, Through, 10 + i))).ToArray();
        await _db.AddAsync(rows);

        var report = await LoadAsync(new TrendsFilter(null, 4));

        Assert.Equal(TrendsQuery.FastestGrowingCount, report.FastestGrowing.Count);
        Assert.Equal("e12", report.FastestGrowing[0].Event);
        Assert.Equal("e03", report.FastestGrowing[^1].Event);
    }

    [Fact]
    public async Task Fastest_growing_follows_the_segment_of_the_orgs_account()
    {
        // As the pipeline writes them: every org with staged events has daily rows carrying its account's segment.
        await _db.AddAsync(
            new IntOrgAccount { OrgId = "ent", AccountId = "1", Segment = "Enterprise" },
            new IntOrgAccount { OrgId = "smb", AccountId = "2", Segment = "SMB" },
            Day("ent", Through.ToString("O"), total: 4, ai: 4, segment: "Enterprise"),
            Day("smb", Through.ToString("O"), total: 9, issue: 9, segment: "SMB"),
            Day("no-account", Through.ToString("O"), total: 2, issue: 2));
        await _db.AddAsync([
            .. Events("ai:summary_generated", Ai, Through, 4, org: "ent"),
            .. Events("issue:created", Issue, Through, 9, org: "smb"),
            .. Events("issue:created", Issue, Through, 2, org: "no-account"),
        ]);

        var enterprise = await LoadAsync(new TrendsFilter("Enterprise", 4));
        var all = await LoadAsync(new TrendsFilter(null, 4));

        Assert.Equal(["ai:summary_generated"], enterprise.FastestGrowing.Select(g => g.Event));
        Assert.Equal(11, all.FastestGrowing.Single(g => g.Event == "issue:created").Recent);
    }

    [Fact]
    public async Task The_segment_list_comes_from_the_orgs_accounts()
    {
        await _db.AddAsync(
            new IntOrgAccount { OrgId = "a", AccountId = "1", Segment = "SMB" },
            new IntOrgAccount { OrgId = "b", AccountId = "2", Segment = "Enterprise" },
            new IntOrgAccount { OrgId = "c", AccountId = "3", Segment = "SMB" },
            new IntOrgAccount { OrgId = "d", AccountId = "4", Segment = null });

        await using var db = _db.Factory.Create();
        Assert.Equal(["Enterprise", "SMB"], await TrendsQuery.SegmentsAsync(db));
    }

    [Fact]
    public void The_queries_translate_for_sql_server_with_the_grouping_in_the_database()
    {
        using var db = PortalDatabase.CreateContext(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=offline;Database=PylonPortal;TrustServerCertificate=True",
        });
        var window = new DateWindow(Through.AddDays(-27), Through);

        var weekly = TrendsQuery.Weekly(db, "SMB", new DateOnly(2026, 6, 1), Through).ToQueryString();
        var growth = TrendsQuery.EventCounts(db, "SMB", window, new DateWindow(Through.AddDays(-55), Through.AddDays(-28))).ToQueryString();

        Assert.Contains("DATEDIFF", weekly);
        Assert.Contains("GROUP BY", weekly);
        Assert.Contains("[int_segment_weekly_activity]", weekly);
        Assert.Contains("GROUP BY [i].[event], [i].[category]", growth);
        Assert.Contains("[int_segment_event_daily]", growth);
    }

    /// <summary>
    /// Runs the pipeline's own models over the hand-made daily rows and staged events, as a full build would after
    /// fct_org_daily_activity: int_org_event_daily, int_calendar and the two trend aggregates the page reads.
    /// </summary>
    private async Task BuildTrendAggregatesAsync()
    {
        await using var context = _db.Factory.Create();
        var known = await context.EventClassifications.Select(c => c.Id).ToListAsync();
        context.EventClassifications.AddRange(_names.Values.Where(n => !known.Contains(n.Id)));
        await context.SaveChangesAsync();
        await using var sql = context.Sql();
        var ctx = new BuildContext(sql, 0, DateTimeOffset.UnixEpoch, fullRefresh: true, new PipelineOptions(), new ScoringOptions(), NullBuildObserver.Instance);
        // A full build clears what it rebuilds first.
        await context.OrgEventDaily.ExecuteDeleteAsync();
        await context.SegmentWeeklyActivity.ExecuteDeleteAsync();
        await context.SegmentEventDaily.ExecuteDeleteAsync();
        await OrgDailyActivityModel.BuildEventDailyAsync(ctx, new PipelineRunStep());
        await CalendarModel.BuildCalendarAsync(ctx, new PipelineRunStep());
        await TrendAggregatesModel.BuildWeeklyAsync(ctx, new PipelineRunStep());
        await TrendAggregatesModel.BuildEventDailyAsync(ctx, new PipelineRunStep());
    }

    private async Task<TrendsReport> LoadAsync(TrendsFilter filter)
    {
        await BuildTrendAggregatesAsync();
        await using var db = _db.Factory.Create();
        var report = await TrendsQuery.LoadAsync(db, filter);
        Assert.NotNull(report);
        return report;
    }

    private static OrgDailyActivityRow Day(
        string org, string date, int total, int issue = 0, int ai = 0, int frontend = 0, int kb = 0, string? segment = null) => new()
    {
        OrgId = org,
        OrgName = org,
        ActivityDate = DateOnly.Parse(date),
        TotalEventCount = total,
        IssueEvents = issue,
        AiEvents = ai,
        FrontendEvents = frontend,
        KbEvents = kb,
        AccountSegment = segment,
        LoadedAt = DateTimeOffset.UnixEpoch,
    };

    private static int _uuid;

    /// <summary>The event names the test's events use, numbered as event_classification numbers them for staging.</summary>
    private readonly Dictionary<string, EventClassification> _names = [];

    private IEnumerable<StgProductEvent> Events(string name, string category, DateOnly date, int count, string? org = "a")
    {
        if (!_names.TryGetValue(name, out var classified))
            _names[name] = classified = new EventClassification { Id = _names.Count + 1, Event = name, Category = category };
        return Enumerable.Range(0, count).Select(_ => new StgProductEvent
        {
            Uuid = $"u{Interlocked.Increment(ref _uuid)}",
            EventId = classified.Id,
            DistinctId = "user-1",
            ActivityDate = date,
            OrgId = org,
        }).ToList();
    }
}
