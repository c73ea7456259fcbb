using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.Overview;

[Collection(PortalCollection.Name)]
public class OverviewPageTests(PortalAppFactory portal)
{
    [Fact]
    public async Task The_overview_renders_its_kpis_quadrants_and_risk_list()
    {
        var client = await portal.SignedInClientAsync("PM");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Paying customers", html);
        Assert.Contains("ARR in the Risk quadrant", html);
        Assert.Contains("id=\"kpi-quadrant-risk\"", html);
        Assert.Contains("id=\"quadrant-accounts\"", html);
        Assert.Contains("data-testid=\"arr-ai-scatter\"", html);
    }

    [Fact]
    public async Task The_risk_list_says_it_is_adoption_risk_and_shows_each_accounts_health_and_its_change()
    {
        var client = await portal.SignedInClientAsync("CS");

        var html = await client.GetStringAsync("/?quadrant=Risk");

        Assert.Contains("id=\"risk-subtitle\"", html);
        Assert.Contains("Adoption risk, not churn risk", html);
        Assert.Contains("Health change (30 d)", html);
        Assert.Matches(@"data-testid=""quadrant-org-health-change""[^>]*>\s*([+-]\d+\.\d|0\.0|—)\s*<", html);
    }

    [Fact]
    public async Task Orgs_without_a_name_are_counted_apart_and_explained()
    {
        var client = await portal.SignedInClientAsync("CS");

        var html = await client.GetStringAsync("/");

        // 30 demo customers plus the two org ids known only from their events.
        Assert.Contains("of 32 orgs in this view (2 unnamed)", html);
        Assert.Contains("id=\"overview-unnamed-note\"", html);
        Assert.Contains("2 orgs in this view have no name", html);
    }

    [Fact]
    public async Task Filters_and_a_date_without_scores_still_render()
    {
        var client = await portal.SignedInClientAsync("CS");

        var response = await client.GetAsync("/?segment=Enterprise&date=1999-01-01&quadrant=Target");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"overview-date-note\"", html);
        Assert.Contains("Target accounts by ARR", html);
    }

    [Fact]
    public async Task The_as_of_date_comes_from_the_url()
    {
        var client = await portal.SignedInClientAsync("CS");
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var earlier = (await db.AiAdoption.MaxAsync(a => a.AsOfDate)).AddDays(-10);

        var html = await client.GetStringAsync($"/?date={earlier:yyyy-MM-dd}");

        Assert.Contains($"Scores as of <b>{earlier.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}</b>", html);
        Assert.DoesNotContain("id=\"overview-date-note\"", html);
    }
}
