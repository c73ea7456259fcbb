using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

/// <summary>Waits for what a Blazor Server page does over its circuit: URL changes and re-rendered rows.</summary>
public static class Eventually
{
    /// <summary>Blazor changes the URL with pushState (no page load): poll for it.</summary>
    public static Task UrlContainsAsync(IPage page, string text) => PassesAsync(page, () =>
    {
        Assert.Contains(text, page.Url);
        return Task.CompletedTask;
    });

    /// <summary>Retries an assertion while the grid reloads over the circuit.</summary>
    public static async Task PassesAsync(IPage page, Func<Task> assertion, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await page.WaitForTimeoutAsync(200);
            }
        }
    }
}
