using Microsoft.AspNetCore.Diagnostics;

namespace PylonPortal.Web.Auth;

/// <summary>
/// A page a person can act on for every error status: 403 shows "ask for access", 404 "not found"
/// (Components/Pages/Status/StatusCodePage.razor), for pages and for CSV exports alike.
/// </summary>
public static class StatusPages
{
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        // The status page is rendered by re-executing the request. A POST (an export, sign-out) would reach
        // it as a Blazor form post and be refused for its antiforgery token: render it as the GET it is.
        return app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
    }
}
