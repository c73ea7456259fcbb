using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Alerts;
using Quartz;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// Registers the portal's side of the pipeline: the first-start bootstrap, and the Quartz scheduler that runs
/// <see cref="BuildJob"/> on <c>Pipeline:Schedule</c>. On SQL Server its jobs and triggers live in the database with
/// clustering on, so when several portal instances share the database exactly one of them fires each scheduled
/// build; on SQLite (one instance) they live in memory. Either way the build's own database lock keeps any two
/// builds from overlapping.
/// </summary>
public static class PipelineRegistration
{
    /// <param name="database">The settings <see cref="DatabaseOptions.Read"/> bound for the analytics services.</param>
    /// <param name="alerts">The bound Alerts settings: whether the daily digest is scheduled.</param>
    public static IServiceCollection AddPipeline(this IServiceCollection services, DatabaseOptions database, AlertOptions alerts)
    {
        // First hosted service: migrations run before anything reads the database (Data Protection loads its keys at start).
        services.AddSingleton<DemoDataPreparation>();
        services.AddHostedService<DatabaseBootstrapper>();

        services.AddQuartz(q =>
        {
            // Where the scheduler keeps its state is decided at registration; the schedule comes from the bound
            // (and validated) PipelineOptions when the scheduler starts.
            if (database.Provider == DatabaseProvider.SqlServer)
                q.UsePersistentStore(store =>
                {
                    store.UseSqlServer(database.ConnectionString);
                    store.UseClustering(_ => { });
                    // In the portal's schema (db/sqlserver/quartz-schema.sql creates the same tables); created at
                    // start only where the principal may (Database:ApplySchemaAtStart), otherwise only checked.
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = Schemas.QuartzTablePrefix;
                        o.SchemaProvisioning = database.ApplySchemaAtStart ? SchemaProvisioning.CreateIfMissing : SchemaProvisioning.Validate;
                    });
                });
            q.AddJob<BuildJob>(job => job.WithIdentity(BuildJob.Key).StoreDurably());
            q.AddTrigger((services, trigger) => trigger.ForJob(BuildJob.Key).WithIdentity(BuildScheduler.ScheduleKey)
                .WithCronSchedule(services.GetRequiredService<PipelineOptions>().Schedule,
                    cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            DigestJob.Schedule(q, alerts);
        });
        services.AddHttpClient<DigestService>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<BuildProgress>();
        services.AddSingleton<BuildScheduler>();
        return services;
    }
}
