using System.Globalization;
using System.Text;
using PylonPortal.Web.Tests.Export;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ReferencesTests(BrowserPortal portal)
{
    [Fact]
    public async Task References_are_ranked_by_readiness_and_export_as_shown()
    {
        var page = await portal.SignedInPageAsync("Morgan Marketing", "Marketing");
        await page.GotoAsync("/references");
        await page.WaitForSelectorAsync("#references-filters[data-interactive=true]");

        // Widen the list to every org with readiness of at least 50, so the demo data always has rows.
        await page.Locator("#references-all").CheckAsync();
        await Eventually.UrlContainsAsync(page, "all=true");
        await page.Locator("#references-min").FillAsync("50");
        await page.Locator("#references-min").BlurAsync();
        await Eventually.UrlContainsAsync(page, "min=50");
        await Eventually.PassesAsync(page, async () => Assert.NotEmpty(await page.Locator("#references-grid .org-link").AllInnerTextsAsync()));
        var shown = (await page.Locator("#references-grid .org-link").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        await BrowserPortal.ScreenshotAsync(page, "references");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#references-export button[type=submit]"));
        Assert.Matches(@"^references-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var records = CsvText.Records(Encoding.UTF8.GetString(bytes[3..]));
        var readiness = records.Select(r => decimal.Parse(r["reference_readiness_score"], CultureInfo.InvariantCulture)).ToList();
        Assert.All(records.Zip(readiness), r => Assert.True(r.First["is_reference_candidate"] == "true" || r.Second >= 50));
        Assert.Equal(readiness.OrderByDescending(r => r), readiness);
        Assert.Equal(shown, records.Take(shown.Count).Select(r => r["org_name"]));
    }
}
