using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.Web.Tests;

[Collection(PortalCollection.Name)]
public class StartupTests(PortalAppFactory portal)
{
    [Fact]
    public async Task A_fresh_database_is_seeded_and_built_and_the_overview_then_shows_its_paying_customers()
    {
        var client = await portal.SignedInClientAsync("CS");
        var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        // An empty database renders "Data through —": the seeded demo data ends today (UTC), and every mart has its orgs.
        var dates = new[] { DateTime.UtcNow.Date, DateTime.UtcNow.Date.AddDays(-1) }
            .Select(d => "Data through " + d.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        Assert.Contains(dates, html.Contains);
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        Assert.True(await db.OrgDailyActivity.Select(r => r.OrgId).Distinct().CountAsync() >= 30);
        Assert.True(await db.AiAdoption.Select(r => r.OrgId).Distinct().CountAsync() >= 30);
        Assert.True(await db.ReferenceReadiness.Select(r => r.OrgId).Distinct().CountAsync() >= 30);
        Assert.DoesNotContain("Preparing the demo data", html);
        // An empty database renders "Data through —" and no KPI value: a figure proves the marts were built.
        Assert.Matches(@"Data through \d{1,2} [A-Z][a-z]{2} \d{4}", html);
        Assert.Matches(new Regex("id=\"kpi-paying\".*?data-testid=\"kpi-value\"[^>]*>\\s*[1-9]", RegexOptions.Singleline), html);
    }

    [Fact]
    public async Task Healthz_is_anonymous_and_healthy()
    {
        var response = await portal.AnonymousClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_anonymous_request_for_a_page_is_sent_to_sign_in()
    {
        var response = await portal.AnonymousClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/dev-sign-in", response.Headers.Location!.PathAndQuery);
    }
}

/// <summary>The first start answers at once: seeding and the first build run behind a "preparing" page.</summary>
public class FirstStartTests
{
    /// <summary>A portal whose seeding waits at its first progress line until the test opens the gate.</summary>
    private sealed class GatedPortal : PortalAppFactory
    {
        public readonly ManualResetEventSlim Gate = new(false);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(sp =>
            {
                var preparation = new DemoDataPreparation(sp.GetRequiredService<ILogger<DemoDataPreparation>>());
                // Progress is reported on the seeding thread: holding it there holds the seeding.
                preparation.Changed += () =>
                {
                    if (preparation.LastMessage is not null) Gate.Wait(TimeSpan.FromMinutes(10));
                };
                return preparation;
            }));
        }

        protected override void Dispose(bool disposing)
        {
            Gate.Set();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task While_the_demo_data_is_prepared_every_page_answers_with_the_preparing_page_which_becomes_the_portal()
    {
        using var portal = new GatedPortal();
        var client = await portal.SignedInWhilePreparingAsync("CS", "Admin");

        foreach (var path in new[] { "/", "/health", "/admin/pipeline" })
        {
            var preparing = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, preparing.StatusCode);
            var html = await preparing.Content.ReadAsStringAsync();
            Assert.Contains("Preparing the demo data", html);
            Assert.Contains("Step 1 of 2: writing the demo data", html);
        }

        portal.Gate.Set();
        await portal.PreparedAsync();

        var overview = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Preparing the demo data", overview);
        Assert.Contains("Paying customers", overview);
    }
}
