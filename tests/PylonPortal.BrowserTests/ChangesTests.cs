using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

/// <summary>A CSM signs in and sees, without searching, what got worse in their book and why; then all their changes.</summary>
[Collection(BrowserCollection.Name)]
public class ChangesTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_CSM_opens_on_their_changes_and_follows_them_to_the_changes_page()
    {
        // A demo CSM with a band change in the latest build (read from the seeded database, not assumed).
        string csm;
        await using (var db = portal.Databases.Create())
        {
            var latestRun = await db.ScoreChanges.MaxAsync(c => c.RunId);
            csm = await db.ScoreChanges.Where(c => c.RunId == latestRun && c.Kind == "band_change" && c.OwnerEmail != null)
                .GroupBy(c => c.OwnerEmail!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        }
        var page = await portal.SignedInAsAsync("Demo CSM", csm, "CS");

        // The Overview opens on their own book, with what changed since the last build and why.
        await page.WaitForSelectorAsync($"#my-book[data-owner='{csm}']");
        var changes = page.Locator("#my-book-changes tr.change-row");
        await Eventually.PassesAsync(page, async () => Assert.True(await changes.CountAsync() > 0));
        Assert.Contains("My book", await page.Locator("#my-book h2").InnerTextAsync());
        Assert.Matches(@"(Usage|Engagement|Support|Renewal|Frequency|Intensity|Breadth) [+-]\d", await changes.First.InnerTextAsync());

        // The count card opens the changes page on their changes only.
        await page.ClickAsync("#my-book-changes-count");
        await page.WaitForURLAsync(url => url.Contains("/changes?owner="));
        await page.WaitForSelectorAsync("#changes-filters[data-interactive=true]");
        var rows = page.Locator("#changes-table tr.change-row");
        await Eventually.PassesAsync(page, async () => Assert.True(await rows.CountAsync() > 0));
        Assert.All(await page.Locator("#changes-table tbody tr td:nth-child(4)").AllInnerTextsAsync(), owner => Assert.Equal(csm, owner.Trim()));

        // A kind filter narrows it, and the URL keeps it.
        await page.Locator(".mud-input-control.mud-select").Filter(new LocatorFilterOptions { Has = page.Locator("#changes-kind") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Health band changed" }).ClickAsync();
        await Eventually.UrlContainsAsync(page, "kind=band_change");
        await Eventually.PassesAsync(page, async () =>
        {
            var kinds = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
            Assert.NotEmpty(kinds);
            Assert.All(kinds, k => Assert.Equal("band_change", k));
        });
        await BrowserPortal.ScreenshotAsync(page, "changes");

        // Each change links to its org's page, where the scores explain it.
        await rows.First.Locator("a.org-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/orgs/"));
    }
}
