namespace PylonPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_developer_signs_in_and_lands_on_the_overview()
    {
        var page = await portal.SignedInPageAsync("Casey CSM", "CS");
        await page.WaitForSelectorAsync("h1:has-text('Overview')");
        Assert.Contains("Casey CSM", await page.InnerTextAsync("#user-menu"));
    }
}
