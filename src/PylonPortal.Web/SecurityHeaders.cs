namespace PylonPortal.Web;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows what Blazor Server, MudBlazor and
/// Plotly need and nothing else: scripts only from this origin (no inline, no eval: charts are SVG
/// scatter, never scattergl), inline styles (MudBlazor and Plotly set them), the SignalR socket to
/// this origin, and no framing.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var signInOrigin = SignInOrigin(app.Configuration);
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
            $"form-action 'self'{signInOrigin}");
        return app.Use((context, next) =>
        {
            // Set when the response starts: error handling and status code pages clear headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Signing out posts a form that redirects to Entra ID: form-action must allow its origin.</summary>
    private static string SignInOrigin(IConfiguration configuration) =>
        Uri.TryCreate(configuration["AzureAd:Instance"], UriKind.Absolute, out var instance)
            ? " " + instance.GetLeftPart(UriPartial.Authority)
            : "";
}
