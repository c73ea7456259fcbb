using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Web.Tests.Orgs;

[Collection(PortalCollection.Name)]
public class OrgPageTests(PortalAppFactory portal)
{
    [Fact]
    public async Task A_known_org_renders_with_its_name()
    {
        var client = await portal.SignedInClientAsync("Marketing");
        var (id, name) = await AnyNamedOrgAsync();

        var response = await client.GetAsync($"/orgs/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(name), html);
        Assert.Contains("id=\"org-header\"", html);
    }

    [Fact]
    public async Task An_org_known_only_from_its_events_is_called_unnamed_and_the_page_says_why()
    {
        var client = await portal.SignedInClientAsync("CS");
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        // The demo data sends system events for two org ids Pylon's organizations table does not have.
        var id = await db.AiAdoption.AsNoTracking().Where(a => a.OrgName == null && a.SalesforceAccountName == null)
            .Select(a => a.OrgId).FirstAsync();

        var html = await client.GetStringAsync($"/orgs/{Uri.EscapeDataString(id)}");

        Assert.Contains($"Unnamed org {id[..8]}", html);
        Assert.Contains("id=\"org-unnamed\"", html);
        Assert.Contains("no row in Pylon&#x27;s organizations table", html);
    }

    [Fact]
    public async Task An_unknown_org_is_a_404()
    {
        var client = await portal.SignedInClientAsync("CS");

        var response = await client.GetAsync("/orgs/no-such-org");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_org_created_after_the_last_build_shows_its_header_and_a_note_instead_of_scores()
    {
        var client = await portal.SignedInClientAsync("CS");
        var databases = portal.Services.GetRequiredService<PortalDbFactory>();
        var org = new StgOrganization
        {
            Id = "org-created-today", Name = "Brand New Co", Domain = "brandnew.example",
            CreatedAt = DateTimeOffset.UtcNow, CreatedDate = DateOnly.FromDateTime(DateTime.UtcNow),
        };
        await using (var db = databases.Create())
        {
            db.StgOrganizations.Add(org);
            await db.SaveChangesAsync();
        }
        try
        {
            var response = await client.GetAsync("/orgs/org-created-today");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Brand New Co", html);
            Assert.Contains("id=\"org-no-scores\"", html);
            Assert.DoesNotContain("data-testid=\"score-card\"", html);
        }
        finally
        {
            await using var db = databases.Create();
            await db.StgOrganizations.Where(o => o.Id == org.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task The_org_page_needs_a_portal_role()
    {
        var (id, _) = await AnyNamedOrgAsync();

        var response = await portal.AnonymousClient().GetAsync($"/orgs/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(string Id, string Name)> AnyNamedOrgAsync()
    {
        await portal.PreparedAsync();
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var org = await db.StgOrganizations.Where(o => o.Name != null).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstAsync();
        return (org.Id, org.Name!);
    }
}
