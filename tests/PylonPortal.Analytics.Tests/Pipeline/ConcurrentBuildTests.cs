using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Tests.Cli;

namespace PylonPortal.Analytics.Tests.Pipeline;

/// <summary>Two builds started together, in two processes, never both write: the database lock orders them.</summary>
public class ConcurrentBuildTests
{
    private static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateAsync(DateTimeOffset.UtcNow);
        await new DemoDataGenerator(db.Factory, TimeProvider.System).GenerateAsync(new DemoDataOptions(Orgs: 40, Days: 90));
        return db;
    }

    [Fact]
    public async Task The_second_build_waits_for_the_first_and_their_writes_never_overlap()
    {
        await using var db = await SeededAsync();

        // The second waits for as long as the first takes, however loaded the machine (the default wait is 30 s).
        var patient = new Dictionary<string, string> { ["Database__LockTimeoutSeconds"] = "900" };
        var first = Pylon.Start(patient, "build", "--db", db.Path);
        var second = Pylon.Start(patient, "build", "--db", db.Path);
        var results = await Task.WhenAll(Pylon.WaitAsync(first), Pylon.WaitAsync(second));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output + r.Error));
        var runs = await db.ReadAsync(c => c.PipelineRuns.AsNoTracking().Where(r => r.Trigger == Triggers.Cli));
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        var (earlier, later) = runs[0].LockAcquiredAt < runs[1].LockAcquiredAt ? (runs[0], runs[1]) : (runs[1], runs[0]);
        Assert.True(later.LockAcquiredAt >= earlier.FinishedAt,
            $"overlap: #{earlier.Id} held the lock {earlier.LockAcquiredAt:O}-{earlier.FinishedAt:O}, #{later.Id} got it at {later.LockAcquiredAt:O}");
        // The later build found nothing new to stage: the first had done the work.
        var laterEvents = (await db.ReadAsync(c => c.PipelineRunSteps.Where(s => s.RunId == later.Id && s.Model == "stg_product_events"))).Single();
        Assert.Equal(0, laterEvents.RowsWritten);
    }

    [Fact]
    public async Task While_a_build_holds_the_lock_another_says_a_build_is_running_and_does_nothing()
    {
        await using var db = await SeededAsync();
        // Hold the lock exactly as a build does: its transaction updates the lock row and stays open.
        await using var context = db.Factory.Create();
        await using var holder = context.Sql();
        await using var transaction = await holder.BeginTransactionAsync();
        await BuildLock.AcquireAsync(holder, runId: 0, TimeProvider.System, CancellationToken.None);

        var refused = await Pylon.WaitAsync(Pylon.Start(new Dictionary<string, string> { ["Database__LockTimeoutSeconds"] = "1" }, "build", "--db", db.Path));

        Assert.True(refused.ExitCode == 3, refused.Output + refused.Error);
        Assert.Contains("Another build is running", refused.Error);
        await transaction.RollbackAsync();
        Assert.Empty(await db.ReadAsync(c => c.PipelineRuns.Where(r => r.Status == RunStatus.Succeeded)));
        Assert.Empty(await db.ReadAsync(c => c.OrgDailyActivity));
    }
}
