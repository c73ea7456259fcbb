using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class OrgPageTests(BrowserPortal portal)
{
    private static readonly string[] Charts = ["#org-events-chart", "#org-top-events-chart", "#org-users-chart", "#org-history-chart"];

    /// <summary>The highest-ARR org of the Risk quadrant, as the overview lists it.</summary>
    private async Task<IPage> OpenRiskOrgAsync()
    {
        var page = await portal.SignedInPageAsync("Morgan Marketing", "Marketing");
        await page.GotoAsync("/?quadrant=Risk");
        var href = await page.Locator("[data-testid=quadrant-org-link]").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        await page.WaitForSelectorAsync("#org-name");
        return page;
    }

    [Fact]
    public async Task The_org_page_shows_three_score_cards_and_draws_its_charts()
    {
        var page = await OpenRiskOrgAsync();

        await page.WaitForSelectorAsync("[data-testid=score-card]");
        Assert.Equal(3, await page.Locator("[data-testid=score-card]").CountAsync());
        Assert.Equal(["Effective AI Adoption", "Customer Health", "Reference Readiness"],
            (await page.Locator("[data-testid=score-title]").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(3 + 4 + 3, await page.Locator("[data-testid=score-card] [data-testid=component] [role=progressbar]").CountAsync());
        foreach (var chart in Charts)
            await page.WaitForSelectorAsync($"{chart} .main-svg");
        await page.WaitForSelectorAsync("#org-events-chart .barlayer .point");
        await Waits.AttachedAsync(page, "#org-history-chart .scatterlayer .js-line");
        Assert.True(await page.Locator("#org-users table tbody tr").CountAsync() > 0);
        Assert.True(await page.Locator("#org-header").InnerTextAsync() is var header && header.Contains("ARR") && header.Contains("Owner"));
        await BrowserPortal.ScreenshotAsync(page, "org");
    }

    [Fact]
    public async Task The_activity_window_is_adjustable_and_kept_in_the_url()
    {
        var page = await OpenRiskOrgAsync();
        await page.WaitForSelectorAsync("#org-events-chart .barlayer .point");
        var ninetyDays = await page.Locator("#org-events-chart .barlayer .point").CountAsync();

        await page.ClickAsync("#org-window [data-days='30']");

        await page.WaitForURLAsync(new Regex("days=30"));
        await Waits.CountAsync(page.Locator("#org-events-chart .barlayer .point"), n => n > 0 && n < ninetyDays, "fewer daily bars");
        foreach (var chart in Charts)
            await page.WaitForSelectorAsync($"{chart} .main-svg");
    }

    [Fact]
    public async Task An_unknown_org_is_a_404_page()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");

        var response = await page.GotoAsync("/orgs/no-such-org");

        Assert.Equal(404, response!.Status);
        await page.WaitForSelectorAsync("#not-found");
    }
}
