using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// Before the portal takes requests: apply migrations and, on a fresh SQLite database with
/// Pipeline:SeedDemoDataWhenEmpty (the Development default), load demo data and build the marts,
/// so `dotnet run` shows a working portal.
/// </summary>
public sealed class DatabaseBootstrapper(
    PortalDbFactory databases, PipelineOptions pipeline, DemoDataOptions demoSize, DemoDataGenerator demo, BuildService builds,
    ILogger<DatabaseBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using (var context = databases.Create())
        {
            if (databases.Options.ApplySchemaAtStart) await PortalDatabase.MigrateAsync(context, ct);
            else await PortalDatabase.RequireCurrentSchemaAsync(context, ct);
            if (await SqlServerSettings.ReadCommittedSnapshotAsync(context, ct) == false)
                logger.LogWarning("{Setting}", SqlServerSettings.ReadCommittedSnapshotOff);
            var seed = pipeline.SeedDemoDataWhenEmpty && !context.IsSqlServer
                       && !await context.RawProductEvents.AnyAsync(ct);
            if (!seed) return;
        }
        logger.LogInformation("Empty database: seeding demo data (this takes a few seconds)...");
        var summary = await demo.GenerateAsync(demoSize, new Progress<string>(p => logger.LogInformation("Seeding: {Progress}", p)), ct);
        logger.LogInformation("Seeded {Events:N0} events for {Orgs:N0} orgs in {Elapsed}; building the marts...", summary.Events, summary.Organizations, summary.Elapsed);
        var result = await builds.RunAsync(new BuildRequest(Triggers.Startup), ct: ct);
        logger.LogInformation("First build #{RunId}: {Status} in {Duration}", result.RunId, result.Status, result.Duration);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
