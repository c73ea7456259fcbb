using System.Net;

namespace PylonPortal.Web.Tests.Security;

/// <summary>The security headers on every kind of response: a page, /healthz, a static file, a 404, a 403, a redirect.</summary>
internal static class SecurityHeaderAssert
{
    /// <summary>A kind of response, the request that gets it, and who asks (no roles: signed in without a role; null: anonymous).</summary>
    public sealed record Case(string Response, string Path, string[]? Roles, HttpStatusCode Status);

    public static readonly Case[] Cases =
    [
        new("page",             "/",                         [Auth.Roles.CS], HttpStatusCode.OK),
        new("/healthz",         "/healthz",                  [Auth.Roles.CS], HttpStatusCode.OK),
        new("static file",      "/_framework/blazor.web.js", [Auth.Roles.CS], HttpStatusCode.OK),
        new("not found",        "/no-such-page",             [Auth.Roles.CS], HttpStatusCode.NotFound),
        new("access denied",    "/",                         [],              HttpStatusCode.Forbidden),
        new("sign-in redirect", "/",                         null,            HttpStatusCode.Redirect),
    ];

    public static TheoryData<string> Responses() => [.. Cases.Select(c => c.Response)];

    public static Case Of(string response) => Cases.Single(c => c.Response == response);

    public static void HasSecurityHeaders(HttpResponseMessage response, bool hsts)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // Kestrel's "Server: Kestrel" is switched off (the Production tests run on Kestrel; the test server sends none anyway).
        Assert.False(response.Headers.Contains("Server"));
        if (hsts)
            Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        else
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

[Collection(PortalCollection.Name)]
public class DevelopmentSecurityHeadersTests(PortalAppFactory portal)
{
    [Theory]
    [MemberData(nameof(SecurityHeaderAssert.Responses), MemberType = typeof(SecurityHeaderAssert))]
    public async Task Every_response_carries_the_security_headers_but_no_HSTS_in_Development(string kind)
    {
        var (_, path, roles, status) = SecurityHeaderAssert.Of(kind);
        var client = roles is null ? portal.AnonymousClient() : await portal.SignedInClientAsync(roles);

        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        SecurityHeaderAssert.HasSecurityHeaders(response, hsts: false);
    }
}

[Collection(EntraCollection.Name)]
public class ProductionSecurityHeadersTests(EntraPortal portal)
{
    /// <summary>
    /// Sent with a real host name: ASP.NET Core leaves HSTS off for localhost and 127.0.0.1, so that a developer's
    /// browser does not pin HTTPS for every local app.
    /// </summary>
    [Theory]
    [MemberData(nameof(SecurityHeaderAssert.Responses), MemberType = typeof(SecurityHeaderAssert))]
    public async Task Every_response_carries_the_security_headers_and_HSTS(string kind)
    {
        var (_, path, roles, status) = SecurityHeaderAssert.Of(kind);
        var browser = roles is null ? portal.NewBrowser() : await portal.SignedInBrowserAsync(new TestUser($"hedy-{kind}@contoso.test", "Hedy Headers", roles));
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "portal.contoso.test";

        var response = await browser.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        SecurityHeaderAssert.HasSecurityHeaders(response, hsts: true);
    }
}
