using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// Before the portal takes requests: apply migrations. Then, on a fresh SQLite database with
/// Pipeline:SeedDemoDataWhenEmpty (the Development default), load demo data and build the marts in the
/// background, so `dotnet run` answers at once with the "preparing the demo data" page
/// (<see cref="DemoDataPreparation"/>), which becomes the portal when the build ends.
/// </summary>
public sealed class DatabaseBootstrapper(
    PortalDbFactory databases, PipelineOptions pipeline, DemoDataOptions demoSize, DemoDataGenerator demo, BuildService builds,
    DemoDataPreparation preparation, BuildProgress progress, IDataProtectionProvider dataProtection, TimeProvider clock,
    ILogger<DatabaseBootstrapper> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _preparing = Task.CompletedTask;

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
        // Data Protection writes its first key now: behind the seeding's long write transaction, the first
        // sign-in (which needs a key) would wait for it.
        dataProtection.CreateProtector(nameof(DatabaseBootstrapper)).Protect([0]);
        // Marked before the host listens, so no request ever sees the half-seeded database as the portal.
        preparation.Seeding(clock.GetUtcNow());
        _preparing = Task.Run(() => PrepareAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        try
        {
            logger.LogInformation("Empty database: seeding demo data, then building the marts (the portal shows their progress)...");
            var summary = await demo.GenerateAsync(demoSize, preparation, ct);
            logger.LogInformation("Seeded {Events:N0} events for {Orgs:N0} orgs in {Elapsed}; building the marts...", summary.Events, summary.Organizations, summary.Elapsed);
            preparation.Building();
            // Through BuildProgress, as a scheduled build: the preparing page and the pipeline page show its steps.
            progress.Started(fullRefresh: false, clock.GetUtcNow());
            try
            {
                var result = await builds.RunAsync(new BuildRequest(Triggers.Startup), progress, ct);
                logger.LogInformation("First build #{RunId}: {Status} in {Duration}", result.RunId, result.Status, result.Duration);
            }
            finally
            {
                progress.Stopped();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogWarning("The portal stopped while preparing the demo data; it is prepared again on the next start.");
        }
        catch (Exception ex)
        {
            // The portal still serves: its pages say there is no data, and the pipeline page can run a build.
            logger.LogError(ex, "Preparing the demo data failed");
        }
        finally
        {
            preparation.End();
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _preparing.WaitAsync(ct);
    }
}
