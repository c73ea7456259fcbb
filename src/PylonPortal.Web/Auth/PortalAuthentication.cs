using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace PylonPortal.Web.Auth;

/// <summary>
/// Entra ID sign-in through Microsoft.Identity.Web, or, in Development only, a local sign-in that lets a
/// developer pick a name and roles. Either way roles arrive in the <c>roles</c> claim.
/// </summary>
public static class PortalAuthentication
{
    public static bool UsesDevelopmentSignIn(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && configuration.GetValue<bool>("Authentication:DevelopmentSignIn");

    public static void AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        if (UsesDevelopmentSignIn(environment, builder.Configuration))
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o => ConfigureCookie(o, environment, DevelopmentSignIn.Path));
        }
        else
        {
            var entra = builder.Configuration.GetSection("AzureAd");
            EntraSettings.ThrowIfIncomplete(entra);
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(entra, cookieScheme: CookieAuthenticationDefaults.AuthenticationScheme);
            // Registered after AddMicrosoftIdentityWebApp, which replaces the validation parameters in its own Configure.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.TokenValidationParameters.RoleClaimType = Roles.ClaimType;
                o.TokenValidationParameters.NameClaimType = "name";
                // The handler logs why a sign-in failed (expired or replayed, a token that does not validate);
                // the person gets a page to try again instead of an error page.
                var remoteFailure = o.Events.OnRemoteFailure;
                o.Events.OnRemoteFailure = async context =>
                {
                    await remoteFailure(context);
                    if (context.Result is not null) return;
                    context.Response.Redirect(AccountEndpoints.SignInFailedPath);
                    context.HandleResponse();
                };
            });
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
                o => ConfigureCookie(o, environment, AccountEndpoints.SignInPath));
        }
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = SecurePolicy(environment));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AnonymousPostHandler>();
        services.AddCascadingAuthenticationState();
    }

    /// <summary>Secure cookies everywhere but Development, which runs on plain http://localhost.</summary>
    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (policy, roles) in Policies.RolesOf)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return authorization;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, IHostEnvironment environment, string signInPath)
    {
        o.LoginPath = signInPath;
        o.Cookie.Name = "pylon.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax; // Lax: the OpenID Connect form_post comes back cross-site.
        o.Cookie.SecurePolicy = SecurePolicy(environment);
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        // A signed-in user without the role gets a 403 and the "ask for access" page, not a redirect loop.
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value ?? user.Identity?.Name ?? user.FindFirst(ClaimTypes.Email)?.Value ?? "signed-in user";

    /// <summary>The user's email, for "my accounts" (Owner_Email__c).</summary>
    public static string? Email(this ClaimsPrincipal user) =>
        user.FindFirst("preferred_username")?.Value ?? user.FindFirst(ClaimTypes.Email)?.Value ?? user.FindFirst("email")?.Value;
}
