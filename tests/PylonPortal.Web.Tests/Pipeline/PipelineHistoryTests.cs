using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Components.Pages.Pipeline;
using PylonPortal.Web.Tests.Shared;

namespace PylonPortal.Web.Tests.Pipeline;

/// <summary>The run log as the pipeline page reads it, on a real SQLite database.</summary>
public sealed class PipelineHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private ScratchDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ScratchDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task History_pages_newest_first_with_the_total()
    {
        await _db.AddAsync(Enumerable.Range(1, 25).Select(i => (object)PipelineRuns.Run(i, RunStatus.Succeeded, Now.AddHours(i - 30))).ToArray());

        await using var db = _db.Factory.Create();
        var (first, total) = await PipelineHistory.PageAsync(db, page: 0, pageSize: 10);
        var (last, _) = await PipelineHistory.PageAsync(db, page: 2, pageSize: 10);

        Assert.Equal(25, total);
        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => (long)i), first.Select(r => r.Id));
        Assert.Equal([5L, 4, 3, 2, 1], last.Select(r => r.Id));
    }

    [Fact]
    public async Task A_summary_has_the_duration_and_the_time_spent_waiting_for_the_lock()
    {
        var run = PipelineRuns.Run(1, RunStatus.Succeeded, Now);
        run.LockAcquiredAt = Now.AddSeconds(12);
        run.FinishedAt = Now.AddSeconds(95);
        await _db.AddAsync(run);

        await using var db = _db.Factory.Create();
        var summary = (await PipelineHistory.PageAsync(db, 0, 10)).Runs.Single();

        Assert.Equal(TimeSpan.FromSeconds(95), summary.Duration);
        Assert.Equal(TimeSpan.FromSeconds(12), summary.LockWait);
        Assert.Equal("1 min 35 s", PipelineFormat.Duration(summary.Duration));
        Assert.Equal("12.0 s", PipelineFormat.Duration(summary.LockWait));
    }

    [Fact]
    public async Task A_running_row_is_a_build_in_progress_unless_it_is_too_old_to_be_alive()
    {
        await using (var db = _db.Factory.Create())
            Assert.Null(await PipelineHistory.RunningAsync(db, Now));

        await _db.AddAsync(PipelineRuns.Run(1, RunStatus.Running, Now - PipelineHistory.PresumedDeadAfter - TimeSpan.FromMinutes(1)));
        await using (var db = _db.Factory.Create())
            Assert.Null(await PipelineHistory.RunningAsync(db, Now));

        await _db.AddAsync(PipelineRuns.Run(2, RunStatus.Running, Now.AddMinutes(-3)));
        await using (var db = _db.Factory.Create())
            Assert.Equal(2, (await PipelineHistory.RunningAsync(db, Now))?.Id);
    }

    [Fact]
    public async Task Details_list_steps_in_build_order_and_failing_checks_first()
    {
        await _db.AddAsync(PipelineRuns.WithDetails(PipelineRuns.Run(1, RunStatus.Failed, Now)));

        await using var db = _db.Factory.Create();
        var detail = await PipelineHistory.DetailAsync(db, 1);

        Assert.NotNull(detail);
        Assert.Equal(["stg_product_events", "fct_org_daily_activity"], detail.Steps.Select(s => s.Model));
        Assert.Equal(["daily_no_duplicate_keys", "daily_latest_activity_date", "daily_no_null_org_id"], detail.Checks.Select(c => c.Name));
        Assert.StartsWith("Data-quality checks failed", detail.Error);
        Assert.Null(await PipelineHistory.DetailAsync(db, 99));
    }

    [Fact]
    public void Scoring_settings_are_indented_and_anything_else_is_shown_as_stored()
    {
        Assert.Equal("{\n  \"A\": {\n    \"B\": 0.40\n  }\n}", PipelineHistory.Indented("""{"A":{"B":0.40}}""")!.ReplaceLineEndings("\n"));
        Assert.Equal("not json", PipelineHistory.Indented("not json"));
        Assert.Null(PipelineHistory.Indented(null));
    }
}

/// <summary>Hand-made run log rows.</summary>
internal static class PipelineRuns
{
    public static PipelineRun Run(long id, string status, DateTimeOffset startedAt, string trigger = Triggers.Schedule) => new()
    {
        Id = id,
        Status = status,
        Trigger = trigger,
        StartedAt = startedAt,
        LockAcquiredAt = startedAt,
        FinishedAt = status == RunStatus.Running ? null : startedAt.AddSeconds(30),
    };

    /// <summary>Two steps, a failed error check, a failed warning check and a passing one, settings and an error.</summary>
    public static PipelineRun WithDetails(PipelineRun run)
    {
        run.ScoringSettings = """{"AiAdoption":{"FrequencyWeight":0.40,"HighArrThreshold":50000}}""";
        run.Error = "Data-quality checks failed: daily_no_duplicate_keys (3 rows, e.g. org-7 2026-11-20)";
        run.Steps =
        [
            new() { Position = 0, Model = "stg_product_events", RowsRead = 1_200, RowsRejected = 7, RowsUnattributed = 12, RowsWithAirbyteChanges = 3, RowsWritten = 1_181, RowsDeleted = 40, ElapsedMs = 850 },
            new() { Position = 1, Model = "fct_org_daily_activity", RowsRead = 0, RowsWritten = 310, RowsDeleted = 300, ElapsedMs = 2_400 },
        ];
        run.Checks =
        [
            new() { Name = "daily_no_null_org_id", Model = "fct_org_daily_activity", Severity = "error", Status = CheckStatus.Pass, Description = "No NULL org_id." },
            new() { Name = "daily_latest_activity_date", Model = "fct_org_daily_activity", Severity = "warning", Status = CheckStatus.Fail, FailingRows = 1, Example = "2026-11-20", Description = "Fresh data." },
            new() { Name = "daily_no_duplicate_keys", Model = "fct_org_daily_activity", Severity = "error", Status = CheckStatus.Fail, FailingRows = 3, Example = "org-7 2026-11-20", Description = "Grain unique." },
        ];
        return run;
    }
}
