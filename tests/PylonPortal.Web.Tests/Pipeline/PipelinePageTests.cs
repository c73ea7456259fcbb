using PylonPortal.Analytics.Alerts;
using System.Collections.Specialized;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Components.Pages.Pipeline;
using PylonPortal.Web.Pipeline;
using PylonPortal.Web.Tests.Shared;
using Quartz;

namespace PylonPortal.Web.Tests.Pipeline;

/// <summary>
/// The pipeline page on a real SQLite run log and a real (never started) Quartz scheduler: the page only
/// queues the build job, so the test reads what was queued from the scheduler's store.
/// </summary>
public sealed class PipelinePageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 20, 0, TimeSpan.Zero);
    private readonly BunitContext _ctx = new();
    private readonly BuildProgress _progress = new();
    private ScratchDatabase _db = null!;
    private ServiceProvider _quartz = null!;
    private IScheduler _scheduler = null!;
    private PortalDbFactory? _settingsDatabase;

    public async Task InitializeAsync()
    {
        _db = await ScratchDatabase.CreateAsync();
        // Configured like the app's, but no hosted service starts it.
        var name = new NameValueCollection { ["quartz.scheduler.instanceName"] = "pipeline-page-" + Guid.NewGuid() };
        _quartz = new ServiceCollection().AddQuartz(name, q =>
        {
            q.ScheduleJob<BuildJob>(
                trigger => trigger.WithIdentity(BuildScheduler.ScheduleKey).StartAt(Now.AddDays(-1)).WithCronSchedule("0 0 * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(BuildJob.Key).StoreDurably());
        }).BuildServiceProvider();
        var schedulers = _quartz.GetRequiredService<ISchedulerFactory>();
        _scheduler = await schedulers.GetScheduler();

        var clock = new FixedClock(Now);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_db.Factory);
        _ctx.Services.AddSingleton<TimeProvider>(clock);
        _ctx.Services.AddSingleton(new PipelineOptions());
        _ctx.Services.AddSingleton(new AlertOptions { DigestSchedule = "0 0 7 * * ?", WebhookUrl = "https://hooks.example.com/x" });
        _ctx.Services.AddSingleton(_progress);
        _ctx.Services.AddSingleton(new BuildScheduler(schedulers, clock));
        // Resolved at the first render: a test may point it at an offline SQL Server first.
        _ctx.Services.AddSingleton(_ => new ReadCommittedSnapshotWarning(_settingsDatabase ?? _db.Factory));
        _ctx.AddAuthorization().SetAuthorized("Alex Admin");
        // As on a connected circuit (the buttons wait for interactivity).
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _scheduler.Shutdown();
        await _quartz.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void On_SQL_Server_the_page_warns_once_per_load_when_READ_COMMITTED_SNAPSHOT_is_off(bool on, bool warned)
    {
        // The offline connection answers the sys.databases read with one row whose boolean is SampleBoolean.
        var connection = new OfflineSqlServerConnection { AnswerWithSampleRow = true, SampleBoolean = on };
        _settingsDatabase = new PortalDbFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, () => connection);

        var page = RenderPage();
        page.Render();

        Assert.Equal(warned, page.FindAll("#read-committed-snapshot-off").Count == 1);
        if (warned) Assert.Equal(SqlServerSettings.ReadCommittedSnapshotOff, Text(page, "#read-committed-snapshot-off"));
        Assert.Single(connection.Statements, s => s.Sql.Contains("is_read_committed_snapshot_on", StringComparison.Ordinal));
    }

    [Fact]
    public void On_SQLite_there_is_no_READ_COMMITTED_SNAPSHOT_warning()
    {
        var page = RenderPage();

        Assert.Empty(page.FindAll("#read-committed-snapshot-off"));
    }

    [Fact]
    public async Task A_failed_digest_delivery_shows_with_its_error()
    {
        await _db.AddAsync(new DigestDelivery
        {
            StartedAt = Now.AddHours(-5), FinishedAt = Now.AddHours(-5), Channel = DeliveryChannels.Webhook, Owner = "dana@example.com",
            Changes = 3, Status = DeliveryStatus.Failed, Attempts = 4, Error = "HttpRequestException: 503 (Service Unavailable)",
        });

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#digest-deliveries tr.digest-delivery[data-status=failed]")));
        Assert.Contains("503 (Service Unavailable)", page.Find("#digest-deliveries").TextContent);
        Assert.Matches(@"Schedule: 0 0 7 \* \* \? \(UTC\)\.\s+Channels: webhook\.", page.Find("#digest-deliveries").TextContent);
    }

    [Fact]
    public async Task It_shows_the_schedule_and_the_history_newest_first()
    {
        await _db.AddAsync(PipelineRuns.Run(1, RunStatus.Succeeded, Now.AddHours(-2), Triggers.Startup), PipelineRuns.Run(2, RunStatus.Failed, Now.AddHours(-1)));

        var page = RenderPage();

        Assert.Equal("Next scheduled run: 2026-11-27 13:00:00 UTC", Text(page, "#next-run"));
        page.WaitForAssertion(() => Assert.Equal(["failed", "succeeded"], page.FindAll("#run-history [data-status]").Select(s => s.GetAttribute("data-status"))));
        Assert.Contains("No build is running.", page.Find("#no-build").TextContent);
        Assert.False(RunNow(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_build_running_in_another_process_disables_the_buttons()
    {
        await _db.AddAsync(PipelineRuns.Run(5, RunStatus.Running, Now.AddMinutes(-2), Triggers.Cli));

        var page = RenderPage();

        Assert.StartsWith("Build #5 (cli) has been running since 2026-11-27 12:18:00 UTC in another process.", Text(page, "#running-elsewhere"));
        Assert.True(RunNow(page).HasAttribute("disabled"));
        Assert.True(page.Find("#full-refresh").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_running_row_from_a_process_that_died_long_ago_does_not_block_builds()
    {
        await _db.AddAsync(PipelineRuns.Run(5, RunStatus.Running, Now.AddDays(-2), Triggers.Cli));

        var page = RenderPage();

        Assert.Empty(page.FindAll("#running-elsewhere"));
        Assert.False(RunNow(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Run_now_queues_the_build_job_for_the_signed_in_user()
    {
        var page = RenderPage();

        await RunNow(page).ClickAsync(new());

        var queued = await QueuedAsync();
        Assert.Equal("Alex Admin", queued.GetString(BuildJob.RequestedByKey));
        Assert.False(queued.GetBoolean(BuildJob.FullRefreshKey));
        page.WaitForAssertion(() => Assert.True(RunNow(page).HasAttribute("disabled")));
        Assert.NotEmpty(page.FindAll("#build-queued"));
    }

    [Fact]
    public async Task Full_refresh_asks_first_and_cancel_queues_nothing()
    {
        var dialogs = _ctx.Render<MudDialogProvider>();
        var page = RenderPage();

        // The click's handler waits for the answer: answer, then await it.
        var click = page.Find("#full-refresh").ClickAsync(new());
        await AnswerAsync(dialogs, "Cancel");
        await click;
        Assert.Empty(await QueuedBuildsAsync());

        click = page.Find("#full-refresh").ClickAsync(new());
        await AnswerAsync(dialogs, "Full refresh");
        await click;
        Assert.True(Assert.Single(await QueuedBuildsAsync()).GetBoolean(BuildJob.FullRefreshKey));
    }

    [Fact]
    public async Task When_a_build_in_this_process_ends_the_history_refreshes()
    {
        await _db.AddAsync(PipelineRuns.Run(1, RunStatus.Succeeded, Now.AddHours(-2), Triggers.Startup));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#run-history [data-status]")));

        await Task.Run(() => _progress.Started(fullRefresh: false, Now));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#build-progress")));
        Assert.True(RunNow(page).HasAttribute("disabled"));

        await _db.AddAsync(PipelineRuns.Run(2, RunStatus.Succeeded, Now, Triggers.Portal));
        await Task.Run(_progress.Stopped);

        page.WaitForAssertion(() => Assert.Equal(["succeeded", "succeeded"], page.FindAll("#run-history [data-status]").Select(s => s.GetAttribute("data-status"))));
        Assert.Contains("portal", page.Find("#run-history tbody tr").TextContent);
        Assert.False(RunNow(page).HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_build_in_this_process_is_in_the_history_while_it_runs_and_its_end_is_announced()
    {
        await _db.AddAsync(PipelineRuns.Run(1, RunStatus.Succeeded, Now.AddHours(-2), Triggers.Startup));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#run-history [data-status]")));

        // The build logs its run after it has started, then reports its first step.
        await Task.Run(() => _progress.Started(fullRefresh: false, Now));
        await _db.AddAsync(PipelineRuns.Run(2, RunStatus.Running, Now, Triggers.Portal));
        await Task.Run(() => ((IBuildObserver)_progress).StepStarted("stg_product_events"));
        page.WaitForAssertion(() => Assert.Equal(["running", "succeeded"], page.FindAll("#run-history [data-status]").Select(s => s.GetAttribute("data-status"))));

        await using (var db = _db.Factory.Create())
        {
            var run = await db.PipelineRuns.FindAsync(2L);
            (run!.Status, run.FinishedAt) = (RunStatus.Succeeded, Now.AddSeconds(47));
            await db.SaveChangesAsync();
        }
        await Task.Run(_progress.Stopped);

        page.WaitForAssertion(() => Assert.Equal("Build #2 succeeded at 2026-11-27 12:20:47 UTC, after 47.0 s.", page.Find("#build-finished").TextContent.Trim()));
    }

    private IRenderedComponent<PipelinePage> RenderPage()
    {
        var page = _ctx.Render<PipelinePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#next-run")));
        return page;
    }

    private static AngleSharp.Dom.IElement RunNow(IRenderedComponent<PipelinePage> page) => page.Find("#run-now");

    /// <summary>The data of the one build queued besides the schedule.</summary>
    private async Task<JobDataMap> QueuedAsync() => Assert.Single(await QueuedBuildsAsync());

    private async Task<List<JobDataMap>> QueuedBuildsAsync() =>
        (await _scheduler.GetTriggersOfJob(BuildJob.Key)).Where(t => !t.Key.Equals(BuildScheduler.ScheduleKey)).Select(t => t.JobDataMap).ToList();

    private static async Task AnswerAsync(IRenderedComponent<MudDialogProvider> dialogs, string button)
    {
        dialogs.WaitForAssertion(() => Assert.Contains("Full refresh?", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Full refresh?", dialogs.Markup));
    }

    /// <summary>Text as a reader sees it: runs of whitespace are one space.</summary>
    private static string Text(IRenderedComponent<PipelinePage> page, string selector) =>
        System.Text.RegularExpressions.Regex.Replace(page.Find(selector).TextContent, @"\s+", " ").Trim();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
