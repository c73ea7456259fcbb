using Microsoft.Playwright;

namespace PylonPortal.BrowserTests;

/// <summary>
/// Waits the Content-Security-Policy allows: Playwright's WaitForFunction evaluates a string, which
/// script-src 'self' forbids, so conditions on the page are polled from here.
/// </summary>
public static class Waits
{
    public static async Task<int> CountAsync(ILocator locator, Func<int, bool> condition, string what, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var count = await locator.CountAsync();
            if (condition(count)) return count;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what} (count {count}).");
            await Task.Delay(100);
        }
    }

    /// <summary>An element that may have no area (a straight line in an SVG chart) but is in the page.</summary>
    public static Task AttachedAsync(IPage page, string selector) =>
        page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
}
