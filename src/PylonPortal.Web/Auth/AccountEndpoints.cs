using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace PylonPortal.Web.Auth;

/// <summary>Sign-in and sign-out (Microsoft.Identity.Web.UI is not available here, so these are the small endpoints it would add).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string SignedOutPath = "/account/signed-out";
    public const string SignInFailedPath = "/account/sign-in-failed";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var devSignIn = PortalAuthentication.UsesDevelopmentSignIn(app.Environment, app.Configuration);
        var account = app.MapGroup("/account");

        if (devSignIn)
            app.MapDevelopmentSignIn();

        // One sign-in address for both modes (the layout links here): Entra ID, or the development sign-in page.
        account.MapGet("/sign-in", (string? returnUrl) => devSignIn
                ? Results.Redirect($"{DevelopmentSignIn.Path}?returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        // Entra ID's session ends too, so that "sign in again" asks who you are. A POST with an antiforgery
        // token: a link or a form on another site cannot sign a user out.
        string[] signOutOf = devSignIn
            ? [CookieAuthenticationDefaults.AuthenticationScheme]
            : [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme];
        account.MapPost("/sign-out", () => Results.SignOut(new AuthenticationProperties { RedirectUri = SignedOutPath }, signOutOf))
            .ValidateAntiforgery();

        // Anonymous on purpose: every other page would send a signed-out user straight back to Entra ID.
        account.MapGet("/signed-out", () => AccountPage.Render("Signed out", $"""
                <p id="signed-out">You are signed out.</p>
                <a class="button" href="{SignInPath}">Sign in again</a>
                """))
            .AllowAnonymous();

        account.MapGet("/sign-in-failed", () => AccountPage.Render("Sign-in did not complete", $"""
                <p id="sign-in-failed">Sign-in did not complete: the sign-in page may have been open too long, or been used twice.</p>
                <a class="button" href="{SignInPath}">Try again</a>
                """))
            .AllowAnonymous();
    }

    /// <summary>
    /// Minimal API endpoints check antiforgery tokens only when they bind a form. For a POST that binds none
    /// (sign-out, CSV exports), this checks the token itself: 400 without a valid one.
    /// </summary>
    public static TBuilder ValidateAntiforgery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext) ? await next(context) : Results.BadRequest();
        });

    /// <summary>
    /// Only local paths (the rules of ASP.NET Core's IsLocalUrl): an open redirect would let a link send users
    /// anywhere after sign-in. "//host", "/\host" and control characters (browsers drop tabs and newlines) are refused.
    /// </summary>
    public static string LocalUrl(string? returnUrl) =>
        returnUrl is ['/', ..] && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
