using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PylonPortal.Web.Alerts;
using PylonPortal.Web.Pipeline;
using Quartz;

namespace PylonPortal.Web.Tests.Configuration;

/// <summary>Settings are checked when the portal starts, and a bad one stops it with a message naming it.</summary>
public class StartupConfigurationTests
{
    private sealed class Portal(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("pylon-config-").FullName, "portal.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={_db}");
            builder.UseSetting("Authentication:DevelopmentSignIn", "true");
            builder.UseSetting("Pipeline:SeedDemoDataWhenEmpty", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public void Scoring_weights_that_do_not_sum_to_one_stop_the_portal_naming_the_setting()
    {
        using var portal = new Portal(("Scoring:Health:SupportWeight", "0.30"));
        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Scoring:Health weights must sum to 1", error.Message);
        Assert.Contains("SupportWeight 0.30", error.Message);
    }

    [Fact]
    public void An_invalid_schedule_stops_the_portal_naming_the_setting()
    {
        using var portal = new Portal(("Pipeline:Schedule", "every hour please"));
        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("Pipeline:Schedule", error.ToString());
    }

    [Fact]
    public void An_invalid_digest_schedule_or_webhook_stops_the_portal_naming_the_setting()
    {
        using var portal = new Portal(("Alerts:DigestSchedule", "daily please"), ("Alerts:WebhookUrl", "hooks/digest"));
        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());
        Assert.Contains("Alerts:DigestSchedule 'daily please'", error.Message);
        Assert.Contains("Alerts:WebhookUrl 'hooks/digest'", error.Message);
    }

    [Fact]
    public async Task The_digest_runs_on_its_schedule_and_not_at_all_without_one()
    {
        using var scheduled = new Portal(("Alerts:DigestSchedule", "0 0 7 * * ?"));
        scheduled.CreateClient();
        using var unscheduled = new Portal();
        unscheduled.CreateClient();

        var trigger = await (await scheduled.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTrigger(DigestJob.ScheduleKey);
        Assert.Equal(7, trigger!.GetFireTimeAfter(DateTimeOffset.UtcNow)!.Value.UtcDateTime.Hour);
        Assert.Null(await (await unscheduled.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTrigger(DigestJob.ScheduleKey));
    }

    [Fact]
    public async Task The_build_runs_on_the_configured_cron_schedule()
    {
        using var portal = new Portal(("Pipeline:Schedule", "0 30 2 * * ?"));
        portal.CreateClient();
        var next = await portal.Services.GetRequiredService<BuildScheduler>().NextScheduledRunAsync();
        Assert.NotNull(next);
        Assert.Equal((2, 30, 0), (next.Value.UtcDateTime.Hour, next.Value.UtcDateTime.Minute, next.Value.UtcDateTime.Second));
        Assert.InRange(next.Value - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Run_now_queues_the_quartz_job_which_runs_and_logs_a_build()
    {
        using var portal = new Portal();
        portal.CreateClient();
        await portal.Services.GetRequiredService<BuildScheduler>().RunNowAsync(fullRefresh: true, requestedBy: "admin@example.com");

        var databases = portal.Services.GetRequiredService<PylonPortal.Analytics.Database.PortalDbFactory>();
        PylonPortal.Analytics.Pipeline.PipelineRun? run = null;
        // A generous deadline: on a loaded 2-core CI machine the build may take a while; only the outcome is asserted.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (run?.Status is null or "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var db = databases.Create();
            run = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .AsNoTracking(db.PipelineRuns).FirstOrDefault(r => r.Trigger == "portal");
        }
        Assert.NotNull(run);
        Assert.Equal(("succeeded", true, "admin@example.com"), (run.Status, run.FullRefresh, run.RequestedBy));
    }
}
