using Quartz;

namespace PylonPortal.Web.Pipeline;

/// <summary>What the pipeline page asks of the running Quartz scheduler: the next scheduled build, and a build now.</summary>
public sealed class BuildScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public static readonly TriggerKey ScheduleKey = new("build-schedule", "pipeline");

    public async Task<DateTimeOffset?> NextScheduledRunAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return (await scheduler.GetTrigger(ScheduleKey, ct))?.GetFireTimeAfter(clock.GetUtcNow());
    }

    /// <summary>Queues a build on the scheduler's thread pool: the page never runs it on its own thread.</summary>
    public async Task RunNowAsync(bool fullRefresh, string requestedBy, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(BuildJob.Key,
            new JobDataMap { [BuildJob.FullRefreshKey] = fullRefresh, [BuildJob.RequestedByKey] = requestedBy }, ct);
    }
}
