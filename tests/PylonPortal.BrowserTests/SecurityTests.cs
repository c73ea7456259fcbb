using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

/// <summary>
/// Every page under the portal's Content-Security-Policy in Chromium: Blazor connects, MudBlazor renders,
/// Plotly draws its SVG charts, and the browser reports no CSP violation and no script error.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SecurityTests(BrowserPortal portal)
{
    /// <summary>The pages with a Plotly chart must show one (Plotly's SVG root is svg.main-svg).</summary>
    private static readonly (string Path, bool HasChart)[] Pages =
    [
        ("/", true),
        ("/health", false),
        ("/references", false),
        ("/trends", true),
        ("/admin/pipeline", false),
        ("/orgs/{org}", true),
    ];

    [Fact]
    public async Task Every_page_renders_and_draws_its_charts_under_the_Content_Security_Policy()
    {
        var page = await portal.SignedInPageAsync("Ada Admin", "Admin");
        var console = new List<string>();
        var errors = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => errors.Add(error);
        // Violations also raise an event in the page; report them on the console the test listens to.
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        string? org = null;
        foreach (var (path, hasChart) in Pages)
        {
            var url = path.Contains("{org}", StringComparison.Ordinal)
                ? path.Replace("{org}", org ?? throw new InvalidOperationException("No page links to an org page."), StringComparison.Ordinal)
                : path;
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url}: HTTP {response?.Status}");
            await page.WaitForSelectorAsync("h1");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (hasChart)
                await page.WaitForSelectorAsync("svg.main-svg", new PageWaitForSelectorOptions { Timeout = 30_000 });
            org ??= await FirstOrgLinkAsync(page);
        }

        var violations = console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("CSP violation", StringComparison.Ordinal));
        Assert.True(!violations.Any() && errors.Count == 0,
            $"CSP violations or page errors.\nConsole:\n{string.Join("\n", console)}\nPage errors:\n{string.Join("\n", errors)}");
    }

    private static async Task<string?> FirstOrgLinkAsync(IPage page)
    {
        var link = await page.QuerySelectorAsync("a[href*='orgs/']");
        var href = link is null ? null : await link.GetAttributeAsync("href");
        return href is null ? null : OrgId().Match(href).Groups[1].Value;
    }

    [GeneratedRegex("orgs/([^/?#]+)")]
    private static partial Regex OrgId();
}
