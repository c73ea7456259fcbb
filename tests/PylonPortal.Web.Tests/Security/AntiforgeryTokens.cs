using System.Net;
using System.Text.RegularExpressions;

namespace PylonPortal.Web.Tests.Security;

/// <summary>Antiforgery tokens as a browser gets them: from a form in a page.</summary>
public static partial class AntiforgeryTokens
{
    /// <summary>
    /// A token for whoever the client is signed in as, from the form on the development sign-in page (tokens are
    /// bound to the user: one taken before signing in is refused after it).
    /// </summary>
    public static async Task<string> ForAsync(HttpClient client) => In(await client.GetStringAsync("/account/dev-sign-in"));

    /// <summary>The token in the first form of a page.</summary>
    public static string In(string html) =>
        TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    public static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    [GeneratedRegex("name=\"__RequestVerificationToken\" (?:type=\"hidden\" )?value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
