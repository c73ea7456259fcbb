using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace PylonPortal.Web.Auth;

/// <summary>Sign-in and sign-out (Microsoft.Identity.Web.UI is not available here, so these are the two small endpoints it would add).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var devSignIn = PortalAuthentication.UsesDevelopmentSignIn(app.Environment, app.Configuration);
        var account = app.MapGroup("/account");

        if (devSignIn)
        {
            app.MapDevelopmentSignIn();
        }
        else
        {
            account.MapGet("/sign-in", (string? returnUrl) =>
                    Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
        }

        // POST with an antiforgery token: a link elsewhere cannot sign a user out.
        account.MapPost("/sign-out", () => devSignIn
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = DevelopmentSignIn.Path }, [CookieAuthenticationDefaults.AuthenticationScheme])
            : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
    }

    /// <summary>Only local paths: an open redirect would let a link send users anywhere after sign-in.</summary>
    public static string LocalUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
