using System.Globalization;

namespace PylonPortal.Web.Components.Shared;

/// <summary>Links to an org's page that remember where they came from, and the same words for a renewal everywhere.</summary>
public static class OrgLinks
{
    public const string FromKey = "from";

    private static readonly Dictionary<string, string> PageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = "Overview", ["health"] = "Health", ["references"] = "References", ["trends"] = "Trends", ["changes"] = "Changes",
    };

    /// <summary>/orgs/{id}?from=health%3Fband%3DWatch: <paramref name="from"/> is the base-relative address of the listing page.</summary>
    public static string Href(string orgId, string? from) =>
        "/orgs/" + Uri.EscapeDataString(orgId) + (string.IsNullOrEmpty(from) ? "" : $"?{FromKey}={Uri.EscapeDataString(from)}");

    /// <summary>
    /// Where the org page's back link goes and what it says: the listing page it was opened from, with its filters;
    /// the overview for anything else (no value, another site, a page the portal does not list orgs on).
    /// </summary>
    public static (string Href, string Label) Back(string? from)
    {
        var path = from?.TrimStart('/') ?? "";
        var page = path.Split('?', '#')[0];
        return !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\') && PageNames.TryGetValue(page, out var name)
            ? ("/" + path, name)
            : ("/", PageNames[""]);
    }

    /// <summary>Days to the renewal, as every page says it: "in 29 days", "today", "29 days overdue".</summary>
    public static string RenewsIn(int? days) => days switch
    {
        null => "—",
        < 0 => string.Create(CultureInfo.InvariantCulture, $"{-days} days overdue"),
        0 => "today",
        1 => "in 1 day",
        _ => string.Create(CultureInfo.InvariantCulture, $"in {days} days"),
    };
}
