using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class OverviewTests(BrowserPortal portal)
{
    private const string Points = "#overview-scatter .scatterlayer .point";

    [Fact]
    public async Task The_overview_draws_the_scatter_with_a_marker_per_org()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");

        await page.WaitForSelectorAsync(Points);
        var markers = await page.Locator(Points).CountAsync();
        Assert.True(markers > 0, "the scatter drew no points");
        // One marker per org in the view ("of N orgs in this view").
        var orgs = int.Parse(Regex.Match(await page.InnerTextAsync("#kpi-paying"), @"of ([\d,]+) orgs").Groups[1].Value,
            NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(orgs, markers);
        Assert.Equal(4, await page.Locator("[data-testid=quadrant-row]").CountAsync());
        await Waits.CountAsync(page.Locator("#overview-scatter .shapelayer path"), n => n >= 2, "the dashed threshold lines");
        await BrowserPortal.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task Clicking_a_point_opens_that_org()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.WaitForSelectorAsync(Points);

        // The biggest marker is the easiest to hit; hovering tells whose it is.
        await page.Locator("#overview-scatter").ScrollIntoViewIfNeededAsync();
        var box = await BiggestMarkerAsync(page);
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        var hover = page.Locator("#overview-scatter .hoverlayer .hovertext");
        await hover.WaitForAsync();
        var name = (await hover.Locator("tspan.line").First.TextContentAsync())!.Trim();
        await page.Mouse.ClickAsync(x, y);

        await page.WaitForURLAsync(new Regex("/orgs/"));
        await page.WaitForSelectorAsync("#org-name");
        Assert.Equal(name, (await page.InnerTextAsync("#org-name")).Trim());
    }

    [Fact]
    public async Task Which_high_arr_accounts_are_not_adopting_ai_and_why_is_this_one_at_risk_takes_two_clicks()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        var clicks = 0;

        // 1. The Risk quadrant: high-ARR accounts not adopting AI, biggest ARR first.
        await page.ClickAsync("#kpi-quadrant-risk");
        clicks++;
        await page.WaitForURLAsync(new Regex("quadrant=Risk"));
        await page.WaitForSelectorAsync("#quadrant-accounts-title:has-text('Risk accounts by ARR')");
        var arrs = (await page.Locator("[data-testid=quadrant-org-arr]").AllInnerTextsAsync())
            .Select(a => double.Parse(a, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(arrs);
        Assert.Equal(arrs.OrderByDescending(a => a), arrs);
        Assert.All(arrs, a => Assert.True(a >= 50_000, $"ARR {a} is not high"));

        // 2. The top one: its page says why, component by component.
        var top = page.Locator("[data-testid=quadrant-org-link]").First;
        var name = (await top.InnerTextAsync()).Trim();
        await top.ClickAsync();
        clicks++;
        await page.WaitForURLAsync(new Regex("/orgs/"));
        await page.WaitForSelectorAsync("[data-testid=score-card]");
        Assert.Equal(name, (await page.InnerTextAsync("#org-name")).Trim());
        var ai = page.Locator("#score-ai");
        Assert.Equal("Risk quadrant", (await ai.Locator("[data-testid=verdict]").InnerTextAsync()).Trim());
        Assert.Equal(3, await ai.Locator("[data-testid=component]").CountAsync());
        Assert.Equal(3, await ai.Locator("[data-testid=component] [data-testid=delta]").CountAsync());
        Assert.Contains("days with AI events", await ai.Locator("[data-testid=detail]").First.InnerTextAsync());

        Assert.True(clicks <= 3, $"{clicks} clicks");
    }

    [Fact]
    public async Task Filters_live_in_the_url()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.WaitForSelectorAsync(Points);
        var all = await page.Locator(Points).CountAsync();

        await page.ClickAsync("#filter-segment");
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        var segment = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();

        await page.WaitForURLAsync(new Regex("segment=" + Regex.Escape(Uri.EscapeDataString(segment))));
        await Waits.CountAsync(page.Locator(Points), n => n > 0 && n < all, "fewer markers");
        // The link is shareable: opening it afresh shows the same view.
        var shared = await portal.SignedInPageAsync("Pat PM", "PM");
        await shared.GotoAsync(page.Url);
        await shared.WaitForSelectorAsync(Points);
        Assert.Equal(await page.Locator(Points).CountAsync(), await shared.Locator(Points).CountAsync());
    }

    private static async Task<LocatorBoundingBoxResult> BiggestMarkerAsync(IPage page)
    {
        LocatorBoundingBoxResult? biggest = null;
        foreach (var marker in await page.Locator(Points).AllAsync())
            if (await marker.BoundingBoxAsync() is { } box && (biggest is null || box.Width > biggest.Width))
                biggest = box;
        return biggest ?? throw new InvalidOperationException("no marker has a box");
    }
}
