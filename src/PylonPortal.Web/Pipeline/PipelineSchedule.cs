using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Alerts;
using Quartz;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// The Quartz scheduler that runs <see cref="BuildJob"/> on <c>Pipeline:Schedule</c>. On SQL Server its jobs and
/// triggers live in the database with clustering on, so when several portal instances share the database
/// exactly one of them fires each scheduled build; on SQLite (one instance) they live in memory.
/// Either way the build's own database lock keeps any two builds from overlapping.
/// </summary>
public static class PipelineSchedule
{
    public static IServiceCollection AddPipelineSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = configuration[$"{PipelineOptions.Section}:Schedule"] ?? new PipelineOptions().Schedule;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddQuartz(q =>
        {
            if (database.Provider == DatabaseProvider.SqlServer)
                q.UsePersistentStore(store =>
                {
                    store.UseSqlServer(configuration.GetConnectionString("Portal") ?? database.ConnectionString);
                    store.UseClustering(_ => { });
                    // In the portal's schema (db/sqlserver/quartz-schema.sql creates the same tables); created at
                    // start only where the principal may (Database:ApplySchemaAtStart), otherwise only checked.
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = Schemas.QuartzTablePrefix;
                        o.SchemaProvisioning = database.ApplySchemaAtStart ? SchemaProvisioning.CreateIfMissing : SchemaProvisioning.Validate;
                    });
                });
            q.ScheduleJob<BuildJob>(
                trigger => trigger.WithIdentity(PipelineScheduler.ScheduleKey)
                    .WithCronSchedule(schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
                job => job.WithIdentity(BuildJob.Key).StoreDurably());
            DigestJob.Schedule(q, configuration);
        });
        services.AddHttpClient<DigestService>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<BuildProgress>();
        services.AddSingleton<PipelineScheduler>();
        return services;
    }
}
