namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ThemeTests(BrowserPortal portal)
{
    private const string Background = "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";
    private const string Interactive = "#theme-toggle[data-interactive=true]";

    [Fact]
    public async Task The_dark_theme_survives_a_reload()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.WaitForSelectorAsync(Interactive);
        var light = await page.EvaluateAsync<string>(Background);

        await page.ClickAsync("#theme-toggle");
        var dark = await BackgroundAsync(page, b => b != light, "the dark theme");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync(Interactive);
        // The choice is read once the circuit is up: wait for the theme to switch back to dark, not for a fixed time.
        Assert.Equal(dark, await BackgroundAsync(page, b => b == dark, "the kept dark theme"));
    }

    private static async Task<string> BackgroundAsync(Microsoft.Playwright.IPage page, Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var background = await page.EvaluateAsync<string>(Background);
            if (condition(background)) return background;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what} (background {background}).");
            await Task.Delay(100);
        }
    }
}
