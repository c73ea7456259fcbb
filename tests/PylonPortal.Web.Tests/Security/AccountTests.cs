using System.Net;

namespace PylonPortal.Web.Tests.Security;

/// <summary>Sign-in and sign-out around the pages, with the development sign-in (Development environment).</summary>
[Collection(PortalCollection.Name)]
public class AccountTests(PortalAppFactory portal)
{
    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token_then_ends_the_session()
    {
        var client = await portal.SignedInClientAsync(Auth.Roles.CS);

        var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var signOut = await client.PostAsync("/account/sign-out", AntiforgeryTokens.Form(await AntiforgeryTokens.ForAsync(client)));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signed-out", signOut.Headers.Location!.OriginalString);
        var signedOut = await client.GetAsync("/account/signed-out");
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("href=\"/account/sign-in\"", await signedOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_address_leads_to_the_development_sign_in_and_back_to_the_page()
    {
        var client = portal.AnonymousClient();

        var signIn = await client.GetAsync("/account/sign-in?returnUrl=%2Ftrends%3Fsegment%3DSMB");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/dev-sign-in?returnUrl=%2Ftrends%3Fsegment%3DSMB", signIn.Headers.Location!.OriginalString);
        Assert.Contains("name=\"ReturnUrl\" value=\"/trends?segment=SMB\"", await client.GetStringAsync(signIn.Headers.Location));
    }

    /// <summary>After signing in, only a path on this site is followed: anything else goes to the overview.</summary>
    [Theory]
    [InlineData("/health?band=Watch", "/health?band=Watch")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    public async Task Sign_in_only_returns_to_a_local_path(string returnUrl, string expected)
    {
        var client = portal.AnonymousClient();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokens.ForAsync(client),
            ["Name"] = "Test User", ["Roles"] = Auth.Roles.CS, ["ReturnUrl"] = returnUrl,
        };

        var response = await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_development_sign_in_needs_its_antiforgery_token()
    {
        var response = await portal.AnonymousClient().PostAsync("/account/dev-sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Mallory", ["Roles"] = Auth.Roles.Admin }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The anonymous addresses (every page is in AccessMatrixTests): health, the account pages, static files, not found.</summary>
    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/account/dev-sign-in", HttpStatusCode.OK)]
    [InlineData("/account/signed-out", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task A_few_addresses_answer_anonymous_visitors(string path, HttpStatusCode expected)
    {
        var response = await portal.AnonymousClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
            Assert.Contains("id=\"not-found\"", await response.Content.ReadAsStringAsync());
    }
}
