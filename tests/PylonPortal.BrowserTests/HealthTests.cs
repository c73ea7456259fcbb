using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PylonPortal.Web.Tests.Export;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class HealthTests(BrowserPortal portal)
{
    [Fact]
    public async Task The_health_grid_sorts_filters_and_exports_the_filtered_rows()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.GotoAsync("/health");
        await page.WaitForSelectorAsync("#health-filters[data-interactive=true]");
        await page.WaitForSelectorAsync("#health-grid .org-link");

        // Sort: a header click asks the database for the other order, and the URL keeps it.
        await SortByAsync(page, "ARR");
        await Eventually.UrlContainsAsync(page, "sort=arr");
        await Eventually.PassesAsync(page, async () => AssertOrdered(await ArrColumnAsync(page), descending: false));
        await SortByAsync(page, "ARR");
        await Eventually.UrlContainsAsync(page, "dir=desc");
        await Eventually.PassesAsync(page, async () => AssertOrdered(await ArrColumnAsync(page), descending: true));

        // Filter by band through the select.
        await page.Locator(".mud-input-control.mud-select").Filter(new LocatorFilterOptions { Has = page.Locator("#health-band") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Watch" }).ClickAsync();
        await Eventually.UrlContainsAsync(page, "band=Watch");
        await Eventually.PassesAsync(page, async () =>
        {
            var bands = await page.Locator("#health-grid .band-chip").AllInnerTextsAsync();
            Assert.NotEmpty(bands);
            Assert.All(bands, b => Assert.Equal("Watch", b.Trim()));
        });
        var total = await TotalAsync(page);
        await BrowserPortal.ScreenshotAsync(page, "health");

        // Export: the browser downloads every filtered row, in the grid's order.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#health-export button[type=submit]"));
        Assert.Matches(@"^health-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var records = CsvText.Records(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(total, records.Count);
        Assert.All(records, r => Assert.Equal("Watch", r["health_band"]));
        AssertOrdered(records.Select(r => Money(r["current_arr"])).ToList(), descending: true);
        var firstShown = (await page.Locator("#health-grid .org-link").First.InnerTextAsync()).Trim();
        Assert.Equal(firstShown, records[0]["org_name"]);
    }

    [Fact]
    public async Task My_accounts_keeps_the_signed_in_users_orgs_and_the_URL_can_be_shared()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.GotoAsync("/health");
        await page.WaitForSelectorAsync("#health-filters[data-interactive=true]");
        await page.WaitForSelectorAsync("#health-grid .org-link");

        await page.Locator("#health-mine").CheckAsync();
        await Eventually.UrlContainsAsync(page, "mine=true");
        await Eventually.PassesAsync(page, async () =>
        {
            var owners = await page.Locator("#health-grid td[data-label='Owner']").AllInnerTextsAsync();
            Assert.NotEmpty(owners);
            Assert.All(owners, o => Assert.Equal("dev@localhost", o.Trim()));
        });

        // The same URL in a fresh page opens the same view.
        var shared = page.Url;
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(shared);
        await other.WaitForSelectorAsync("#health-filters[data-interactive=true]");
        await other.WaitForSelectorAsync("#health-grid .org-link");
        Assert.True(await other.Locator("#health-mine").IsCheckedAsync());
        Assert.Equal(await TotalAsync(page), await TotalAsync(other));
    }

    private static Task SortByAsync(IPage page, string title) =>
        page.Locator("#health-grid th .sortable-column-header").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^{Regex.Escape(title)}$") }).ClickAsync();

    private static async Task<List<double?>> ArrColumnAsync(IPage page) =>
        (await page.Locator("#health-grid td[data-label='ARR']").AllInnerTextsAsync()).Select(Money).ToList();

    private static double? Money(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : double.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Missing values last, the rest in order.</summary>
    private static void AssertOrdered(List<double?> values, bool descending)
    {
        Assert.NotEmpty(values);
        var present = values.TakeWhile(v => v is not null).Select(v => v!.Value).ToList();
        Assert.All(values.Skip(present.Count), v => Assert.Null(v));
        Assert.Equal(descending ? present.OrderByDescending(v => v) : present.Order(), present);
    }

    /// <summary>The row count the pager reports ("1-25 of 37").</summary>
    private static async Task<int> TotalAsync(IPage page)
    {
        var caption = await page.Locator(".mud-table-pagination-caption").Last.InnerTextAsync();
        return int.Parse(Regex.Match(caption, @"of (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
