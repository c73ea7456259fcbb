using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class TrendsTests(BrowserPortal portal)
{
    private static readonly LocatorAssertionsToHaveCountOptions FirstDraw = new() { Timeout = 30_000 };

    [Fact]
    public async Task Trends_draw_weekly_bars_share_and_breadth_lines_and_the_fastest_growing_types()
    {
        var page = await portal.SignedInPageAsync("Pat PM", "PM");
        await page.GotoAsync("/trends");
        await page.WaitForSelectorAsync("h1:has-text('Trends')");

        // Plotly draws SVG once the circuit is up: one bar trace per category (five), lines for shares (five)
        // and breadth (four features).
        await Expect(page.Locator("#chart-events g.barlayer g.trace")).ToHaveCountAsync(5, FirstDraw);
        Assert.True(await page.Locator("#chart-events g.barlayer g.point path").CountAsync() > 20);
        await Expect(page.Locator("#chart-share g.scatterlayer g.trace")).ToHaveCountAsync(5);
        await Expect(page.Locator("#chart-breadth g.scatterlayer g.trace")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("#chart-share path.js-line").CountAsync() > 0);
        Assert.True(await page.Locator("#chart-breadth path.js-line").CountAsync() > 0);
        await Expect(page.Locator("#growth-table tbody tr")).ToHaveCountAsync(10);

        await BrowserPortal.ScreenshotAsync(page, "trends");
    }

    [Fact]
    public async Task Choosing_a_segment_puts_it_in_the_url_and_redraws_the_charts()
    {
        var page = await portal.SignedInPageAsync("Pat PM", "PM");
        await page.GotoAsync("/trends?weeks=8");
        await Expect(page.Locator("#chart-events g.barlayer g.trace")).ToHaveCountAsync(5, FirstDraw);
        Assert.Equal(8, await page.Locator("#chart-events g.xtick").CountAsync());

        await page.ClickAsync("#segment-filter .mud-select");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Enterprise" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("segment=Enterprise") && url.Contains("weeks=8"));
        await Expect(page.Locator("#segment-filter")).ToContainTextAsync("Enterprise");
        // The redraw replaces the chart: wait for it rather than read the old one mid-swap.
        await Expect(page.Locator("#chart-events g.barlayer g.trace")).ToHaveCountAsync(5, FirstDraw);
        await Expect(page.Locator("#chart-events g.xtick")).ToHaveCountAsync(8, FirstDraw);
    }
}
