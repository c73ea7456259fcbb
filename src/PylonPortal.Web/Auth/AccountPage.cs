using System.Net;

namespace PylonPortal.Web.Auth;

/// <summary>
/// The small standalone pages of the account endpoints (development sign-in, signed out). They are plain
/// HTML rather than Blazor pages: they must work for anonymous users without the portal's layout and data.
/// </summary>
internal static class AccountPage
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A page with a card holding <paramref name="body"/> (already encoded HTML).</summary>
    public static IResult Render(string title, string body) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · Pylon Portal</title>
        <link rel="icon" type="image/svg+xml" href="/favicon.svg">
        <style>
          body { font-family: Roboto, system-ui, sans-serif; background: #f4f5fa; display: grid; place-items: center; min-height: 100vh; margin: 0; }
          .card { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.12); width: 22rem; }
          h1 { font-size: 1.3rem; margin: 0 0 .25rem; } p { color: #666; margin: 0 0 1.25rem; font-size: .9rem; }
          label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; } input[type=text], input[type=email] { width: 100%; padding: .5rem; box-sizing: border-box; }
          .role { display: inline-block; margin-right: 1rem; }
          .button { display: block; margin-top: 1.5rem; width: 100%; padding: .6rem; background: #594ae2; color: #fff; border: 0; border-radius: 4px;
                    font-size: 1rem; cursor: pointer; text-align: center; text-decoration: none; box-sizing: border-box; }
        </style></head>
        <body><div class="card"><h1>Pylon Portal</h1>{{body}}</div></body></html>
        """, "text/html; charset=utf-8");
}
