using PylonPortal.Web;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Components;
using PylonPortal.Web.Export;

// Content root = the build output, where appsettings*.json (including the repository's
// appsettings.Development.json) are copied, whatever folder `dotnet run` starts from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPortal();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseStatusPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
// Browsers ask for /favicon.ico where a page names no icon (a CSV, an old bookmark): send them to the SVG icon.
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapAccountEndpoints();
app.MapPortalExports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
// Any other address is a plain 404, signed in or not (the status page shows "not found").
app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();

app.Run();

/// <summary>For WebApplicationFactory in the tests.</summary>
public partial class Program;
