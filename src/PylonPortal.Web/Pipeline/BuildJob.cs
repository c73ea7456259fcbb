using PylonPortal.Analytics.Pipeline;
using Quartz;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// The Quartz job behind the schedule and the pipeline page's "Run now" / "Full refresh". Quartz keeps two
/// of these from overlapping in this process; the build's database lock keeps them from overlapping anywhere.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BuildJob(BuildService builds, BuildProgress progress, DemoDataPreparation preparation, TimeProvider clock, ILogger<BuildJob> logger) : IJob
{
    public static readonly JobKey Key = new("build", "pipeline");
    public const string FullRefreshKey = "fullRefresh";
    public const string RequestedByKey = "requestedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        var fullRefresh = data.ContainsKey(FullRefreshKey) && data.GetBoolean(FullRefreshKey);
        var requestedBy = data.ContainsKey(RequestedByKey) ? data.GetString(RequestedByKey) : null;
        var trigger = requestedBy is null ? Triggers.Schedule : Triggers.Portal;
        if (preparation.InProgress)
        {
            // The first start's own build follows the seeding; one fired now would build half-written demo data.
            logger.LogInformation("Build skipped: the demo data is still being prepared.");
            return;
        }
        progress.Started(fullRefresh, clock.GetUtcNow());
        try
        {
            var result = await builds.RunAsync(new BuildRequest(trigger, fullRefresh, requestedBy), progress, ct);
            context.Result = result;
        }
        catch (BuildAlreadyRunningException ex)
        {
            logger.LogWarning("Build skipped: {Reason}", ex.Message);
        }
        finally
        {
            progress.Stopped();
        }
    }
}
