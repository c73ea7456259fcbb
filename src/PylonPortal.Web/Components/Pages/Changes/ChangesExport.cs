using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Components.Pages.Changes;

/// <summary>POST /export/changes.csv: every change matching the changes page's filters, newest first, streamed.</summary>
public static class ChangesExport
{
    public const string Path = "/export/changes.csv";

    private static readonly string[] Header =
    [
        "detected_at", "as_of_date", "compared_with", "kind", "org_id", "org_name", "owner_email", "account_segment", "current_arr",
        "before", "after", "health_score", "health_band", "component", "component_points", "component_detail", "run_id",
    ];

    public static RouteHandlerBuilder MapChangesExport(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, (IFormCollection form, PortalDbFactory databases, HttpContext http) =>
            {
                var request = ChangesQueryString.Parse(name => form[name].FirstOrDefault());
                return Results.Stream(body => WriteAsync(body, databases, request, http.RequestAborted),
                    "text/csv; charset=utf-8", PortalExports.FileName("changes", null));
            })
            .RequireAuthorization(Policies.Changes);

    public static IEnumerable<KeyValuePair<string, string>> FormFields(ChangesRequest request) =>
        PortalExports.FormFields(ChangesQueryString.Format(request));

    public static async Task WriteAsync(Stream output, PortalDbFactory databases, ChangesRequest request, CancellationToken ct)
    {
        await using var db = databases.Create();
        await using var csv = new CsvWriter(output);
        await csv.HeaderAsync(Header, ct);
        await foreach (var c in (await ChangesQuery.FilteredAsync(db, request, ct)).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.Text(c.DetectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z")
                .Date(c.AsOfDate).Date(c.ComparedWith).Text(c.Kind).Text(c.OrgId).Text(c.OrgName).Text(c.OwnerEmail).Text(c.AccountSegment)
                .Number(c.CurrentArr).Text(c.Before).Text(c.After).Number(c.HealthScore).Text(c.HealthBand)
                .Text(c.Component).Number(c.ComponentPoints).Text(c.ComponentDetail).Text(c.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await csv.EndRowAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
