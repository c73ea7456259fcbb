using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

/// <summary>
/// The grid pages at the widths people read them at: a 1440 px laptop and a 1024 px small screen. Each check
/// measures what was once seen going wrong: a segment cut to "Mid-Mar…", Export wrapped onto a second row,
/// readiness numbers pushed out of line by the "not yet" chip, Health's last columns off-screen with no hint.
/// </summary>
[Collection(BrowserCollection.Name)]
public class GridLayoutTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("references")]
    [InlineData("health")]
    public async Task At_1440_px_every_segment_shows_in_full_and_the_filters_and_Export_stay_on_one_line(string grid)
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.SetViewportSizeAsync(1440, 900);

        var segments = await SegmentsAsync();
        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            // Every org (References: not only the candidates), so each segment has rows.
            await OpenAsync(page, grid, $"?segment={Uri.EscapeDataString(segment)}&all=true&min=0");
            // A MudSelect shows its value in the combobox beside the hidden input that carries the id.
            var shown = page.Locator($"#{grid}-segment ~ [role=combobox]");
            Assert.Equal(segment, (await shown.InnerTextAsync()).Trim());
            var (scroll, client) = await WidthsAsync(shown);
            Assert.True(scroll <= client, $"{grid}: the segment '{segment}' is cut off ({scroll} px of text in {client} px)");
        }

        // One row: every filter overlaps every other vertically (a wrapped one starts below the others' bottom).
        var rows = await page.Locator($"#{grid}-filters > [role=group] > *").EvaluateAllAsync<double[][]>(
            "items => items.map(i => i.getBoundingClientRect()).filter(r => r.height > 0).map(r => [r.top, r.bottom])");
        Assert.True(rows.Length >= 4, $"{grid}: found {rows.Length} filters");
        Assert.True(rows.Max(r => r[0]) < rows.Min(r => r[1]),
            $"{grid}: the filters wrap onto a second row (tops {string.Join(", ", rows.Select(r => r[0]))})");

        // Export CSV: its label is one line high.
        var (labelHeight, lineHeight) = await page.Locator($"#{grid}-export .mud-button-label").EvaluateAsync<double[]>(
            "l => [l.getBoundingClientRect().height, parseFloat(getComputedStyle(l).lineHeight)]") switch { var m => (m[0], m[1]) };
        Assert.True(labelHeight < 1.5 * lineHeight, $"{grid}: Export CSV wraps ({labelHeight} px high, line {lineHeight} px)");
    }

    [Theory]
    [InlineData("references", "?all=true&min=0&size=100")]
    [InlineData("health", "?size=100")]
    public async Task At_1440_px_the_grid_fits_without_scrolling_sideways(string grid, string query)
    {
        // Above 1280 px no hint says the table scrolls, so every column must be on-screen, for a page of 100 orgs.
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.SetViewportSizeAsync(1440, 900);
        await OpenAsync(page, grid, query);

        var (scroll, client) = await WidthsAsync(page.Locator($"#{grid}-grid .mud-table-container"));
        Assert.True(scroll <= client, $"{grid}{query}: the grid is {scroll} px wide in {client} px");
    }

    [Fact]
    public async Task At_1440_px_the_readiness_numbers_line_up_with_or_without_the_not_yet_chip()
    {
        var page = await portal.SignedInPageAsync("Morgan Marketing", "Marketing");
        await page.SetViewportSizeAsync(1440, 900);
        // Every org on one page: candidates (no chip) and the rest ("not yet").
        await OpenAsync(page, "references", "?all=true&min=0&size=100");

        var cells = await page.Locator("#references-grid td[data-label='Readiness']").EvaluateAllAsync<double[][]>(
            "cells => cells.map(c => [c.querySelector('strong').getBoundingClientRect().right, c.querySelector('.not-candidate') ? 1 : 0])");
        Assert.Contains(cells, c => c[1] == 1);
        Assert.Contains(cells, c => c[1] == 0);
        var right = cells[0][0];
        Assert.All(cells, c => Assert.Equal(right, c[0], tolerance: 0.5));
    }

    [Fact]
    public async Task At_1024_px_health_says_the_table_scrolls_sideways_and_it_does()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.SetViewportSizeAsync(1024, 768);
        await OpenAsync(page, "health", "");

        await page.WaitForSelectorAsync("#health-scroll-hint", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        Assert.Contains("scrolls sideways", await page.Locator("#health-scroll-hint").InnerTextAsync());

        // The grid's container scrolls, not the page, and scrolling it brings the last column (Owner) into view.
        var container = page.Locator("#health-grid .mud-table-container");
        var (scroll, client) = await WidthsAsync(container);
        Assert.True(scroll > client, $"the grid does not scroll sideways ({scroll} px in {client} px)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page itself scrolls sideways");
        var owner = page.Locator("#health-grid th").Filter(new LocatorFilterOptions { HasText = "Owner" });
        Assert.True(await RightAsync(owner) > await RightAsync(container), "Owner is on-screen without scrolling");
        await container.EvaluateAsync("c => { c.scrollLeft = c.scrollWidth; }");
        await Eventually.PassesAsync(page, async () => Assert.True(await RightAsync(owner) <= await RightAsync(container) + 1));
    }

    private static async Task OpenAsync(IPage page, string grid, string query)
    {
        await page.GotoAsync($"/{grid}{query}");
        await page.WaitForSelectorAsync($"#{grid}-filters[data-interactive=true]");
        await page.WaitForSelectorAsync($"#{grid}-grid .org-link");
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(ILocator element)
    {
        var widths = await element.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static async Task<double> RightAsync(ILocator element) =>
        await element.EvaluateAsync<double>("e => e.getBoundingClientRect().right");

    /// <summary>The segments the demo data has at the latest date: what the select offers.</summary>
    private async Task<List<string>> SegmentsAsync()
    {
        await using var db = portal.Databases.Create();
        var latest = await db.ReferenceReadiness.MaxAsync(r => r.AsOfDate);
        return await db.ReferenceReadiness.Where(r => r.AsOfDate == latest && r.AccountSegment != null)
            .Select(r => r.AccountSegment!).Distinct().ToListAsync();
    }
}
