using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PylonPortal.Web.Tests.Security;

/// <summary>A person with an account at the provider, and the app roles assigned to them.</summary>
public sealed record TestUser(string Login, string Name, params string[] Roles)
{
    public string ObjectId { get; } = Guid.NewGuid().ToString();
}

/// <summary>
/// A small OpenID Connect provider shaped like Entra ID's v2.0 endpoints, on https://127.0.0.1 with the
/// test certificate: discovery, JWKS (one RSA key), authorize (answers with a form_post back to the app),
/// token (for the code flow) and end-session. Instead of a login form, the browser names the account
/// to sign in as with a <c>login</c> parameter on the authorize request.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string TenantId = "7f0c9a7e-3b1d-4f0e-9c1a-5d2e8b6a4c10";
    public const string ClientId = "2a4b6c8d-1e3f-4a5b-8c7d-9e0f1a2b3c4d";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, TestUser> _accounts = new();
    private readonly ConcurrentDictionary<string, (TestUser User, string? Nonce)> _codes = new();

    private TestOpenIdProvider(WebApplication app) => _app = app;

    /// <summary>What goes in AzureAd:Instance, like https://login.microsoftonline.com/.</summary>
    public Uri Instance { get; private set; } = null!;

    /// <summary>Entra ID's v2.0 issuer for the tenant: Microsoft.Identity.Web checks it is exactly {Instance}{tid}/v2.0.</summary>
    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public TestUser AddAccount(TestUser user) => _accounts[user.Login] = user;

    public static async Task<TestOpenIdProvider> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var provider = new TestOpenIdProvider(builder.Build());
        provider.MapEndpoints();
        await provider._app.StartAsync();
        provider.Instance = new Uri(provider._app.Urls.Single() + "/");
        return provider;
    }

    private void MapEndpoints()
    {
        var tenant = _app.MapGroup("/{tenant}");
        tenant.MapGet("/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{Instance}{tenant}/v2.0",
            ["authorization_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{Instance}{tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["response_modes_supported"] = new[] { "form_post", "query", "fragment" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        }));

        tenant.MapGet("/discovery/v2.0/keys", () =>
        {
            var key = _signingKey.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _signingKey.KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
                },
            });
        });

        tenant.MapGet("/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || !_accounts.TryGetValue(query["login"].ToString(), out var user))
                return Results.BadRequest("unknown client or account");
            var fields = new Dictionary<string, string?> { ["state"] = query["state"] };
            var responseType = query["response_type"].ToString().Split(' ');
            if (responseType.Contains("id_token"))
                fields["id_token"] = CreateIdToken(user, query["nonce"]);
            if (responseType.Contains("code"))
            {
                var code = Guid.NewGuid().ToString("N");
                _codes[code] = (user, query["nonce"]);
                fields["code"] = code;
            }
            return FormPost(query["redirect_uri"]!, fields);
        });

        tenant.MapPost("/oauth2/v2.0/token", (HttpRequest request) =>
        {
            var form = request.Form;
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
                return Results.BadRequest(new { error = "invalid_grant" });
            return Results.Json(new
            {
                token_type = "Bearer", expires_in = 3600, scope = "openid profile",
                id_token = CreateIdToken(grant.User, grant.Nonce), access_token = Guid.NewGuid().ToString("N"),
            });
        });

        // Entra ID ends its session, then returns to the app's signed-out callback with the state.
        tenant.MapGet("/oauth2/v2.0/logout", (string post_logout_redirect_uri, string? state) =>
            Results.Redirect(state is null ? post_logout_redirect_uri : $"{post_logout_redirect_uri}?state={Uri.EscapeDataString(state)}"));
    }

    /// <summary>
    /// An Entra-shaped v2.0 id_token. The optional arguments forge one: another signing key, issuer or audience.
    /// </summary>
    public string CreateIdToken(TestUser user, string? nonce, SecurityKey? signWith = null, string? issuer = null, string? audience = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.ObjectId, ["oid"] = user.ObjectId, ["tid"] = TenantId, ["ver"] = "2.0",
            ["name"] = user.Name, ["preferred_username"] = user.Login, ["roles"] = user.Roles,
        };
        if (nonce is not null) claims["nonce"] = nonce;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer, Audience = audience ?? ClientId, Claims = claims,
            IssuedAt = now, NotBefore = now, Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(signWith ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>response_mode=form_post: a page that posts the response to the app (the test's browser submits it).</summary>
    private static IResult FormPost(string redirectUri, Dictionary<string, string?> fields)
    {
        var inputs = string.Concat(fields.Select(f =>
            $"""<input type="hidden" name="{WebUtility.HtmlEncode(f.Key)}" value="{WebUtility.HtmlEncode(f.Value)}">"""));
        return Results.Content(
            $"""<html><body onload="document.forms[0].submit()"><form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">{inputs}</form></body></html>""",
            "text/html");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
