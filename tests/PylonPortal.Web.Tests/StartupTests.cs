using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests;

[Collection(PortalCollection.Name)]
public class StartupTests(PortalAppFactory portal)
{
    [Fact]
    public async Task A_fresh_database_is_seeded_and_built_before_the_first_request()
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
