using System.Globalization;
using PylonPortal.Web.Components.Pages.Changes;
using PylonPortal.Web.Components.Pages.Health;
using PylonPortal.Web.Components.Pages.References;

namespace PylonPortal.Web.Export;

/// <summary>The CSV exports of the health, references and changes pages.</summary>
public static class PortalExports
{
    public static IEndpointRouteBuilder MapPortalExports(this IEndpointRouteBuilder app)
    {
        app.MapHealthExport();
        app.MapReferencesExport();
        app.MapChangesExport();
        return app;
    }

    /// <summary>An export form's hidden fields: a page's query string values, those that are set.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> FormFields(IReadOnlyDictionary<string, object?> query) =>
        query.Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture)!));

    /// <summary>health-2024-03-31.csv: the page and the as-of date, so two downloads never collide.</summary>
    internal static string FileName(string page, DateOnly? asOf) =>
        $"{page}-{asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "latest"}.csv";
}
