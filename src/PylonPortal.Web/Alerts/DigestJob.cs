using PylonPortal.Analytics.Alerts;
using Quartz;

namespace PylonPortal.Web.Alerts;

/// <summary>
/// The daily digest on <c>Alerts:DigestSchedule</c> (no schedule, no digest). It runs apart from the builds: a
/// delivery that fails is retried, recorded, and shown on the pipeline page, and never touches a build.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "alerts");
    public static readonly TriggerKey ScheduleKey = new("digest-schedule", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            var deliveries = await digests.SendAsync(ct);
            logger.LogInformation("Digest: {Sent} sent, {Failed} failed", deliveries.Count(d => d.Status == DeliveryStatus.Sent),
                deliveries.Count(d => d.Status == DeliveryStatus.Failed));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Reading the changes or recording a delivery failed (the database is down): the next fire tries again.
            logger.LogError(ex, "The digest could not run");
        }
    }

    /// <summary>Adds the digest's trigger when a schedule is configured.</summary>
    public static void Schedule(IQuartzBuilder quartz, AlertOptions alerts)
    {
        if (!alerts.DigestScheduled) return;
        quartz.ScheduleJob<DigestJob>(
            trigger => trigger.WithIdentity(ScheduleKey)
                .WithCronSchedule(alerts.DigestSchedule!, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
            job => job.WithIdentity(Key).StoreDurably());
    }
}
