using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.Pages;

/// <summary>Query strings come from shared links and hand-edited URLs: every value on every page is read leniently.</summary>
[Collection(PortalCollection.Name)]
public class HostileQueryTests(PortalAppFactory portal)
{
    /// <summary>Not a number, SQL wildcards, an int overflow, a date where a number goes, injection, a huge text, a bare key.</summary>
    public static readonly TheoryData<string> Values =
        ["abc", "%", "_", "99999999999999999999", "2026-01-01", "-5", "' OR 1=1 --", new string('9', 5_000), ""];

    /// <summary>Each page and every key it reads.</summary>
    private static readonly (string Path, string[] Keys)[] Pages =
    [
        ("/", ["segment", "industry", "tier", "date", "quadrant"]),
        ("/trends", ["segment", "weeks"]),
        ("/health", ["date", "band", "segment", "mine", "q", "sort", "dir", "page", "size"]),
        ("/references", ["date", "segment", "industry", "all", "min", "sort", "dir", "page", "size"]),
        ("/orgs/{org}", ["days", "from"]),
        ("/admin/pipeline", ["page", "run"]),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Every_page_answers_200_to_any_value_of_any_key(string value)
    {
        var client = await portal.SignedInClientAsync("CS", "PM", "Marketing", "Admin");
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var org = await db.ReferenceReadiness.AsNoTracking().Select(r => r.OrgId).FirstAsync();

        foreach (var (path, keys) in Pages)
        {
            var url = path.Replace("{org}", Uri.EscapeDataString(org)) + "?" +
                      string.Join("&", keys.Select(k => $"{k}={Uri.EscapeDataString(value)}"));
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url[..Math.Min(url.Length, 120)]} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_unknown_segment_says_it_matches_nothing_on_the_overview_and_on_trends()
    {
        var client = await portal.SignedInClientAsync("CS");

        var overview = await client.GetStringAsync("/?segment=Galactic");
        Assert.Contains("id=\"overview-unknown-filter\"", overview);
        Assert.Contains("No org is in the segment &quot;Galactic&quot;", overview);

        var trends = await client.GetStringAsync("/trends?segment=Galactic");
        Assert.Contains("id=\"trends-unknown-segment\"", trends);
        Assert.Contains("this filter matches nothing", trends);
    }

    [Fact]
    public async Task Favicon_ico_leads_to_the_svg_icon_for_anyone()
    {
        var client = portal.AnonymousClient();

        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location?.OriginalString);

        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Access_denied_names_the_role_the_page_needs_and_offers_the_overview_only_to_who_may_open_it()
    {
        var cs = await portal.SignedInClientAsync("CS");
        var denied = await cs.GetAsync("/admin/pipeline");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync();
        Assert.Contains("This page needs the role <b>Admin</b>", html);
        Assert.Contains("id=\"access-denied-back\"", html);

        var noRole = await portal.SignedInClientAsync();
        var overview = await (await noRole.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"access-denied\"", overview);
        Assert.Contains("This page needs one of the roles <b>CS, PM, Marketing, Admin</b>", overview);
        Assert.DoesNotContain("id=\"access-denied-back\"", overview);
    }

    [Theory]
    [InlineData("health%3Fband%3DWatch", "/health?band=Watch", "Health")]
    [InlineData("references", "/references", "References")]
    [InlineData("%2F%2Fevil.example%2Fhealth", "/", "Overview")]
    [InlineData("admin%2Fpipeline", "/", "Overview")]
    public async Task The_org_pages_back_link_returns_to_the_listing_it_came_from(string from, string href, string label)
    {
        var client = await portal.SignedInClientAsync("CS");
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var org = await db.ReferenceReadiness.AsNoTracking().Select(r => r.OrgId).FirstAsync();

        var html = await client.GetStringAsync($"/orgs/{Uri.EscapeDataString(org)}?from={from}");

        Assert.Matches($"href=\"{System.Text.RegularExpressions.Regex.Escape(WebUtility.HtmlEncode(href))}\"[^>]*id=\"org-back\"|id=\"org-back\"[^>]*href=\"{System.Text.RegularExpressions.Regex.Escape(WebUtility.HtmlEncode(href))}\"", html);
        Assert.Matches($"id=\"org-back\"[\\s\\S]*?{label}</", html);
    }

    [Fact]
    public async Task A_year_long_activity_window_names_the_start_year()
    {
        var client = await portal.SignedInClientAsync("CS");
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var org = await db.ReferenceReadiness.AsNoTracking().Select(r => r.OrgId).FirstAsync();

        var html = await client.GetStringAsync($"/orgs/{Uri.EscapeDataString(org)}?days=365");

        Assert.Matches(@"Activity, \d{1,2} [A-Z][a-z]{2} (\d{4}) – \d{1,2} [A-Z][a-z]{2} (?!\1)\d{4}", html);
    }
}
