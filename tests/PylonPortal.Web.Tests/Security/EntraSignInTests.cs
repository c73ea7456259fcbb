using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PylonPortal.Web.Tests.Security;

/// <summary>
/// Signing in through the real Microsoft.Identity.Web handler (OpenID Connect, id_token with Entra app roles
/// in the <c>roles</c> claim) against a local provider, with the portal in Production on HTTPS.
/// </summary>
[Collection(EntraCollection.Name)]
public class EntraSignInTests(EntraPortal portal)
{
    [Fact]
    public async Task An_anonymous_page_request_is_sent_to_Entra_ID_with_this_app_and_its_callback()
    {
        var response = await portal.NewBrowser().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var authorize = response.Headers.Location!.ToString();
        Assert.StartsWith($"{portal.Provider.Instance}{TestOpenIdProvider.TenantId}/oauth2/v2.0/authorize?", authorize);
        Assert.Contains($"client_id={TestOpenIdProvider.ClientId}", authorize);
        Assert.Contains($"redirect_uri={Uri.EscapeDataString(new Uri(portal.HttpsAddress, "/signin-oidc").ToString())}", authorize);
        Assert.Contains("response_mode=form_post", authorize);
    }

    [Fact]
    public async Task A_CS_user_opens_the_health_page_but_not_the_pipeline()
    {
        var browser = await portal.SignedInBrowserAsync(new TestUser("casey@contoso.test", "Casey CSM", "CS"));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health")).StatusCode);
        var pipeline = await browser.GetAsync("/admin/pipeline");
        Assert.Equal(HttpStatusCode.Forbidden, pipeline.StatusCode);
        Assert.Contains("id=\"access-denied\"", await pipeline.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_Admin_opens_the_health_page_and_the_pipeline()
    {
        var browser = await portal.SignedInBrowserAsync(new TestUser("ada@contoso.test", "Ada Admin", "Admin"));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/pipeline")).StatusCode);
    }

    [Fact]
    public async Task A_user_without_an_app_role_is_signed_in_and_asked_to_request_access()
    {
        var browser = await portal.SignedInBrowserAsync(new TestUser("nora@contoso.test", "Nora Norole"));

        var overview = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("id=\"access-denied\"", html);
        Assert.Contains("Nora Norole", html);
        Assert.Contains("no Pylon Portal role yet", html);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_with_a_Secure_HttpOnly_SameSite_Lax_cookie()
    {
        var browser = portal.NewBrowser();
        var callback = await portal.SignInAsync(browser, new TestUser("tom@contoso.test", "Tom Trends", "CS"), returnUrl: "/health?band=Watch");

        Assert.Equal("/health?band=Watch", callback.Headers.Location!.OriginalString);
        var cookie = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pylon.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // The page's export form sets the antiforgery cookie: Secure too.
        var page = await browser.GetAsync(callback.Headers.Location);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_never_returns_to_another_site()
    {
        var browser = portal.NewBrowser();
        var callback = await portal.SignInAsync(browser, new TestUser("mia@contoso.test", "Mia Marketing", "Marketing"), returnUrl: "https://evil.example/");

        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("genuine")]
    [InlineData("signed with another key")]
    [InlineData("issued by another tenant")]
    [InlineData("issued to another app")]
    public async Task Only_a_genuine_id_token_signs_anyone_in(string token)
    {
        var browser = portal.NewBrowser();
        var authorize = System.Web.HttpUtility.ParseQueryString((await portal.StartSignInAsync(browser)).Query);
        var admin = portal.Provider.AddAccount(new TestUser("mallory@contoso.test", "Mallory", "Admin"));
        var nonce = authorize["nonce"];
        var idToken = token switch
        {
            "genuine" => portal.Provider.CreateIdToken(admin, nonce),
            "signed with another key" => portal.Provider.CreateIdToken(admin, nonce, signWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" }),
            "issued by another tenant" => portal.Provider.CreateIdToken(admin, nonce, issuer: $"{portal.Provider.Instance}{Guid.NewGuid()}/v2.0"),
            "issued to another app" => portal.Provider.CreateIdToken(admin, nonce, audience: Guid.NewGuid().ToString()),
            _ => throw new ArgumentOutOfRangeException(nameof(token)),
        };

        // What the provider's form_post page would submit, with the forged token in it.
        var callback = await browser.PostAsync(authorize["redirect_uri"], new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = idToken, ["state"] = authorize["state"]!,
        }));

        var overview = await browser.GetAsync("/");
        if (token == "genuine")
        {
            Assert.Equal("/", callback.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        }
        else
        {
            Assert.Equal("/account/sign-in-failed", callback.Headers.Location!.OriginalString);
            Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pylon.auth=", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
            Assert.Contains("id=\"sign-in-failed\"", await browser.GetStringAsync("/account/sign-in-failed"));
        }
    }

    [Fact]
    public async Task The_authorization_code_flow_works_too_through_the_token_endpoint()
    {
        var codeFlow = portal.StartInstance(portal.Portal.DatabasePath, new() { ["AzureAd:ResponseType"] = "code" });
        var browser = await portal.SignedInBrowserAsync(new TestUser("cody@contoso.test", "Cody Code", "PM"), codeFlow);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_at_Entra_ID_and_lands_on_the_signed_out_page()
    {
        var browser = await portal.SignedInBrowserAsync(new TestUser("carl@contoso.test", "Carl CS", "CS"));
        // The health page's export form carries an antiforgery token for this user.
        var token = AntiforgeryTokens.In(await browser.GetStringAsync("/health"));

        var signOut = await browser.PostAsync("/account/sign-out", AntiforgeryTokens.Form(token));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.StartsWith($"{portal.Provider.Instance}{TestOpenIdProvider.TenantId}/oauth2/v2.0/logout?", endSession.ToString());

        var backFromEntra = await browser.GetAsync(endSession);
        var callback = await browser.GetAsync(backFromEntra.Headers.Location);
        Assert.Equal("/account/signed-out", callback.Headers.Location!.OriginalString);
        var signedOut = await browser.GetAsync(callback.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("id=\"signed-out\"", await signedOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
