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
                Form(antiforgery.GetAndStoreTokens(http), AccountEndpoints.LocalUrl(returnUrl)))
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

    private static IResult Form(AntiforgeryTokenSet tokens, string returnUrl)
    {
        var e = AccountPage.Encode;
        var roles = string.Concat(Roles.All.Select(role =>
            $"""<label class="role"><input type="checkbox" name="Roles" value="{e(role)}" checked> {e(role)}</label>"""));
        return AccountPage.Render("Development sign-in", $"""
            <p>Development sign-in: exists only in the Development environment.</p>
            <form method="post" action="{Path}">
              <input type="hidden" name="{e(tokens.FormFieldName)}" value="{e(tokens.RequestToken)}">
              <input type="hidden" name="ReturnUrl" value="{e(returnUrl)}">
              <label for="name">Name</label><input id="name" type="text" name="Name" value="Dev User" required>
              <label for="email">Email (for "my accounts")</label><input id="email" type="email" name="Email" value="dev@localhost">
              <label>Roles</label>{roles}
              <button type="submit" class="button" id="sign-in">Sign in</button>
            </form>
            """);
    }
}
