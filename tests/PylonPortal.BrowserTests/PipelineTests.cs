using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class PipelineTests(BrowserPortal portal)
{
    [Fact]
    public async Task Run_now_completes_a_build_that_shows_in_the_history_as_succeeded()
    {
        var page = await portal.SignedInPageAsync("Alex Admin", "Admin");
        await page.GotoAsync("/admin/pipeline");
        await Expect(page.Locator("#run-history tbody tr", new() { HasText = "startup" })).ToHaveCountAsync(1);

        // Enabled once the circuit is interactive.
        await Expect(page.Locator("#run-now")).ToBeEnabledAsync();
        await page.ClickAsync("#run-now");

        // The Quartz job runs the build in the background; the history refreshes when it ends.
        var run = page.Locator("#run-history tbody tr", new() { HasText = "portal" })
            .Filter(new() { Has = page.Locator("[data-status=succeeded]") });
        await Expect(run).ToHaveCountAsync(1, new() { Timeout = 180_000 });
        await Expect(run).ToContainTextAsync("Alex Admin");
        await Expect(page.Locator("#run-now")).ToBeEnabledAsync();

        // Expanded, the run shows what each model did and its data-quality checks.
        await run.Locator("button").First.ClickAsync();
        await Expect(page.Locator(".run-steps tr[data-model=fct_org_daily_activity]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator(".run-checks tbody tr").CountAsync() > 0);
        await Expect(page.Locator(".scoring-settings")).ToContainTextAsync("\"HighArrThreshold\": 50000");

        await BrowserPortal.ScreenshotAsync(page, "pipeline");
    }

    [Fact]
    public async Task The_pipeline_page_is_for_admins_only()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.GotoAsync("/admin/pipeline");
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await Expect(page.Locator("#run-now")).ToHaveCountAsync(0);
    }
}
