using System.Net;

namespace PylonPortal.Web.Tests.Security;

/// <summary>The security headers on every kind of response: a page, /healthz, a static file, a 404, a 403, a redirect.</summary>
internal static class SecurityHeaderAssert
{
    public static readonly string[] Responses = ["page", "/healthz", "static file", "not found", "access denied", "sign-in redirect"];

    /// <summary>A request for the kind of response, from a signed-in CS user or an anonymous visitor.</summary>
    public static HttpRequestMessage Request(string response) => new(HttpMethod.Get, response switch
    {
        "page" => "/health",
        "/healthz" => "/healthz",
        "static file" => "/_framework/blazor.web.js",
        "not found" => "/no-such-page",
        "access denied" => "/admin/pipeline",
        "sign-in redirect" => "/trends",
        _ => throw new ArgumentOutOfRangeException(nameof(response)),
    });

    public static bool SignedIn(string response) => response != "sign-in redirect";

    public static void HasSecurityHeaders(HttpResponseMessage response, bool hsts)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        if (hsts)
            Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        else
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

[Collection(PortalCollection.Name)]
public class DevelopmentSecurityHeadersTests(PortalAppFactory portal)
{
    public static TheoryData<string> Responses => [.. SecurityHeaderAssert.Responses];

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers_but_no_HSTS_in_Development(string kind)
    {
        var client = SecurityHeaderAssert.SignedIn(kind) ? await portal.SignedInClientAsync(Auth.Roles.CS) : portal.AnonymousClient();

        var response = await client.SendAsync(SecurityHeaderAssert.Request(kind));

        SecurityHeaderAssert.HasSecurityHeaders(response, hsts: false);
    }
}

[Collection(EntraCollection.Name)]
public class ProductionSecurityHeadersTests(EntraPortal portal)
{
    public static TheoryData<string> Responses => [.. SecurityHeaderAssert.Responses];

    /// <summary>
    /// Sent with a real host name: ASP.NET Core leaves HSTS off for localhost and 127.0.0.1, so that a developer's
    /// browser does not pin HTTPS for every local app.
    /// </summary>
    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers_and_HSTS(string kind)
    {
        var browser = SecurityHeaderAssert.SignedIn(kind)
            ? await portal.SignedInBrowserAsync(new TestUser("hedy@contoso.test", "Hedy Headers", "CS"))
            : portal.NewBrowser();
        var request = SecurityHeaderAssert.Request(kind);
        request.Headers.Host = "portal.contoso.test";

        var response = await browser.SendAsync(request);

        SecurityHeaderAssert.HasSecurityHeaders(response, hsts: true);
    }
}
