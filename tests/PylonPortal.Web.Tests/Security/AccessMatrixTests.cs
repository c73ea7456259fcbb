using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;
using static PylonPortal.Web.Auth.Roles;

namespace PylonPortal.Web.Tests.Security;

/// <summary>
/// Who may open what, over HTTP against the real app (development sign-in, real policies, real pages): every
/// page and CSV export, for an anonymous visitor, a signed-in user with no role, and each role.
/// </summary>
[Collection(PortalCollection.Name)]
public class AccessMatrixTests(PortalAppFactory portal)
{
    private const string Page = "page", Export = "export";

    /// <summary>DESIGN.md section 7, "who": the roles that may open each page, and its CSV export.</summary>
    private static readonly (string Path, string Kind, string[] Allowed)[] Matrix =
    [
        ("/",                      Page,   [CS, PM, Marketing, Admin]),
        ("/orgs/{org}",            Page,   [CS, PM, Marketing, Admin]),
        ("/health",                Page,   [CS, Admin]),
        ("/export/health.csv",     Export, [CS, Admin]),
        ("/references",            Page,   [Marketing, CS, Admin]),
        ("/export/references.csv", Export, [Marketing, CS, Admin]),
        ("/trends",                Page,   [PM, CS, Admin]),
        ("/changes",               Page,   [CS, Admin]),
        ("/export/changes.csv",    Export, [CS, Admin]),
        ("/admin/pipeline",        Page,   [Admin]),
    ];

    private const string Anonymous = "anonymous", NoRole = "no role";
    private static readonly string[] Visitors = [Anonymous, NoRole, CS, PM, Marketing, Admin];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (path, _, _) in Matrix)
            foreach (var visitor in Visitors)
                cases.Add(path, visitor);
        return cases;
    }

    /// <summary>
    /// Allowed: 200. Signed in without the role: 403 and the "ask for access" page, for exports too.
    /// Anonymous: a page redirects to sign-in (and back); an export answers 401, because a POST cannot be
    /// replayed after the round trip through sign-in (see AnonymousPostHandler).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_visitor_gets_what_the_design_allows(string path, string visitor)
    {
        var (_, kind, allowed) = Matrix.Single(row => row.Path == path);
        var client = visitor switch
        {
            Anonymous => portal.AnonymousClient(),
            NoRole => await portal.SignedInClientAsync(),
            _ => await portal.SignedInClientAsync(visitor),
        };
        var url = path.Replace("{org}", await AnOrgIdAsync(), StringComparison.Ordinal);

        // An export is the POST of the page's form, with its antiforgery token (an anonymous visitor has none).
        var response = kind == Page ? await client.GetAsync(url)
            : visitor == Anonymous ? await client.PostAsync(url, new FormUrlEncodedContent([]))
            : await client.PostAsync(url, AntiforgeryTokens.Form(await AntiforgeryTokens.ForAsync(client)));

        if (visitor == Anonymous && kind == Page)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/account/dev-sign-in?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.PathAndQuery);
        }
        else if (visitor == Anonymous)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (allowed.Contains(visitor))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (kind == Export) Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"access-denied\"", html);
            Assert.Contains(visitor == NoRole ? "no Pylon Portal role yet" : $"with the role {visitor}", html);
        }
    }

    [Theory]
    [InlineData("/export/health.csv")]
    [InlineData("/export/references.csv")]
    public async Task An_export_without_an_antiforgery_token_is_refused(string path)
    {
        var client = await portal.SignedInClientAsync(Admin);

        var response = await client.PostAsync(path, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> AnOrgIdAsync()
    {
        await portal.PreparedAsync();
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        return await db.ReferenceReadiness.AsNoTracking().OrderBy(r => r.OrgId).Select(r => r.OrgId).FirstAsync();
    }
}
