using LinqToDB;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Pipeline;

/// <summary>A build that fails, whatever the reason, leaves every mart exactly as it was, and the run log says so.</summary>
public class AtomicBuildTests
{
    private static async Task<TestDatabase> BuiltAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Org("o1"), Org("o2"));
        await db.InsertAsync(User("u1", "o1"), User("u2", "o2"));
        await db.InsertAsync(Account("A1", "o1", 75_000m));
        await db.InsertAsync(
            Event("e1", "issue:created", "u1", "2024-03-29T10:00:00Z"),
            Event("e2", "ai:reply", "u2", "2024-03-30T10:00:00Z"));
        await db.BuildAsync();
        return db;
    }

    private static async Task AddMoreDataAsync(TestDatabase db)
    {
        await db.InsertAsync(User("u1", "o2", extractedAt: At(5_000)));
        await db.InsertAsync(Event("e3", "issue:resolved", "u1", "2024-03-31T09:00:00Z", extractedAt: At(5_000)));
    }

    [Fact]
    public async Task A_failure_after_the_first_mart_is_written_leaves_every_mart_as_before()
    {
        await using var db = await BuiltAsync();
        var before = await MartSnapshot.TakeAsync(db);
        await AddMoreDataAsync(db);

        var result = await db.Builds().RunAsync(new BuildRequest(Triggers.Cli), new FailAfter("fct_org_daily_activity"));

        Assert.False(result.Succeeded);
        Assert.Contains("injected failure", result.Error);
        MartSnapshot.AssertEqual(before, await MartSnapshot.TakeAsync(db));
        var run = Assert.Single(await db.ReadAsync(c => c.PipelineRuns.Where(r => r.Id == result.RunId)));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.NotNull(run.FinishedAt);
        Assert.Contains("injected failure", run.Error);

        // Nothing was lost either: the next build picks the same rows up (the watermark did not move).
        await db.BuildAsync();
        var daily = await db.ReadAsync(c => c.OrgDailyActivity.AsNoTracking());
        Assert.Contains(daily, d => d.OrgId == "o2" && d.ActivityDate == new DateOnly(2024, 3, 31));
    }

    [Fact]
    public async Task A_failing_error_check_rolls_the_build_back_and_records_the_check()
    {
        await using var db = await BuiltAsync();
        // Lose o1's latest AI adoption row behind the pipeline's back: every spine org must have one.
        await using (var context = db.Factory.Create())
        {
            var latest = await context.AiAdoption.MaxAsync(r => r.AsOfDate);
            await context.AiAdoption.Where(r => r.OrgId == "o1" && r.AsOfDate == latest).ExecuteDeleteAsync();
        }
        var before = await MartSnapshot.TakeAsync(db);
        await db.InsertAsync(Event("e3", "issue:resolved", "u2", "2024-03-30T09:00:00Z", extractedAt: At(5_000)));

        var result = await db.Builds().RunAsync(new BuildRequest(Triggers.Cli));

        Assert.False(result.Succeeded);
        var check = Assert.Single(result.Checks, c => c.Status == CheckStatus.Fail && c.Severity == "error");
        Assert.Equal("ai_adoption_spine_complete", check.Name);
        MartSnapshot.AssertEqual(before, await MartSnapshot.TakeAsync(db)); // o2's new event is not in the marts either
        var stored = await db.ReadAsync(c => c.PipelineCheckResults.Where(r => r.RunId == result.RunId));
        Assert.Contains(stored, c => c.Name == "ai_adoption_spine_complete" && c.Status == CheckStatus.Fail && c.FailingRows == 1);
        Assert.Equal(RunStatus.Failed, (await db.ReadAsync(c => c.PipelineRuns.Where(r => r.Id == result.RunId))).Single().Status);
    }

    [Fact]
    public async Task An_incremental_build_checks_the_rows_it_wrote_and_pylon_test_checks_every_row()
    {
        await using var db = await BuiltAsync();
        // Corrupt staging behind the pipeline's back, on a key no later build touches: the marts no longer reconcile with it.
        await using (var context = db.Factory.Create())
        await using (var sql = context.Sql())
            await sql.InsertAsync(new StgProductEvent
            {
                Uuid = "rogue", EventId = sql.GetTable<EventClassification>().Single(c => c.Event == "issue:created").Id,
                DistinctId = "u1", ActivityDate = new DateOnly(2024, 3, 29), OrgId = "o1", ExtractedAt = At(1_000),
            });
        await db.InsertAsync(Event("e3", "issue:resolved", "u2", "2024-03-30T09:00:00Z", extractedAt: At(5_000)));

        var build = await db.Builds().RunAsync(new BuildRequest(Triggers.Cli));
        var test = await db.Builds().TestAsync();

        Assert.True(build.Succeeded, build.Error);
        Assert.All(build.Checks.Where(c => c.Severity == "error"), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.False(test.Succeeded);
        var check = Assert.Single(test.Checks, c => c.Status == CheckStatus.Fail && c.Severity == "error");
        Assert.Equal("daily_reconciles_with_staging", check.Name);
        Assert.Equal(2, check.FailingRows); // one event off in both the daily and the user-daily mart
    }

    [Fact]
    public async Task A_killed_build_leaves_a_running_row_that_the_next_build_marks_abandoned()
    {
        await using var db = await BuiltAsync();
        await using (var context = db.Factory.Create())
        {
            context.PipelineRuns.Add(new PipelineRun { StartedAt = db.Clock.GetUtcNow(), Status = RunStatus.Running, Trigger = Triggers.Cli });
            await context.SaveChangesAsync();
        }

        var next = await db.BuildAsync();

        var runs = await db.ReadAsync(c => c.PipelineRuns.AsNoTracking().OrderBy(r => r.Id));
        Assert.Equal(RunStatus.Abandoned, runs[^2].Status);
        Assert.Equal((next.RunId, RunStatus.Succeeded), (runs[^1].Id, runs[^1].Status));
    }
}
