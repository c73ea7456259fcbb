using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PylonPortal.Web.Auth;

/// <summary>
/// A local sign-in for developers: pick a name, an email (for "my accounts") and roles. Mapped only when
/// the environment is Development (see <see cref="PortalAuthentication.UsesDevelopmentSignIn"/>); in any
/// other environment these routes do not exist, whatever the configuration says.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Path = "/account/dev-sign-in";

    public static void MapDevelopmentSignIn(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            throw new InvalidOperationException("The development sign-in exists only in the Development environment.");

        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
                Results.Content(Form(antiforgery.GetAndStoreTokens(http), AccountEndpoints.LocalUrl(returnUrl)), "text/html"))
            .AllowAnonymous();

        app.MapPost(Path, async (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] SignInForm form) =>
            {
                var name = string.IsNullOrWhiteSpace(form.Name) ? "Developer" : form.Name.Trim();
                var claims = new List<Claim> { new("name", name), new(ClaimTypes.NameIdentifier, name) };
                if (!string.IsNullOrWhiteSpace(form.Email)) claims.Add(new Claim("preferred_username", form.Email.Trim()));
                claims.AddRange((form.Roles ?? []).Where(Roles.All.Contains).Select(role => new Claim(Roles.ClaimType, role)));
                var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, "name", Roles.ClaimType);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return Results.LocalRedirect(AccountEndpoints.LocalUrl(form.ReturnUrl));
            })
            .AllowAnonymous();
    }

    public sealed class SignInForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string[]? Roles { get; set; }
        public string? ReturnUrl { get; set; }
    }

    private static string Form(AntiforgeryTokenSet tokens, string returnUrl)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var roles = string.Concat(Roles.All.Select(role =>
            $"""<label class="role"><input type="checkbox" name="Roles" value="{E(role)}" checked> {E(role)}</label>"""));
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Development sign-in · Pylon Portal</title>
            <style>
              body { font-family: Roboto, system-ui, sans-serif; background: #f4f5fa; display: grid; place-items: center; min-height: 100vh; margin: 0; }
              form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.12); width: 22rem; }
              h1 { font-size: 1.3rem; margin: 0 0 .25rem; } p { color: #666; margin: 0 0 1.25rem; font-size: .9rem; }
              label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; } input[type=text], input[type=email] { width: 100%; padding: .5rem; box-sizing: border-box; }
              .role { display: inline-block; margin-right: 1rem; } button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #594ae2; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; cursor: pointer; }
            </style></head>
            <body><form method="post" action="{{Path}}">
              <h1>Pylon Portal</h1><p>Development sign-in: exists only in the Development environment.</p>
              <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
              <input type="hidden" name="ReturnUrl" value="{{E(returnUrl)}}">
              <label for="name">Name</label><input id="name" type="text" name="Name" value="Dev User" required>
              <label for="email">Email (for "my accounts")</label><input id="email" type="email" name="Email" value="dev@localhost">
              <label>Roles</label>{{roles}}
              <button type="submit" id="sign-in">Sign in</button>
            </form></body></html>
            """;
    }
}
