using System.Globalization;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Components.Shared;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>
/// POST /export/references.csv: every row matching the references page's filters, in its sort order,
/// streamed from the database. A form post with an antiforgery token, carrying the page's URL names.
/// </summary>
public static class ReferencesExport
{
    public const string Path = "/export/references.csv";

    private static readonly string[] Header =
    [
        "org_id", "org_name", "salesforce_account_name", "account_segment", "industry", "current_arr",
        "reference_readiness_score", "is_reference_candidate", "health_score", "health_band", "effective_ai_adoption_score",
        "size_score", "tenure_score", "owner_email", "as_of_date",
    ];

    /// <summary>Binding an <see cref="IFormCollection"/> makes the endpoint validate the antiforgery token.</summary>
    public static RouteHandlerBuilder MapReferencesExport(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (IFormCollection form, PortalDbFactory databases, HttpContext http) =>
            {
                var (asOf, problem) = await PortalExports.CheckAsync(form, ReferencesQueryString.Date, databases, http.RequestAborted);
                if (problem is not null) return problem;
                var request = ReferencesQueryString.Parse(name => form[name].FirstOrDefault()) with { AsOf = asOf };
                return PortalExports.Csv(http, "references", asOf, body => WriteAsync(body, databases, request, http.RequestAborted));
            })
            .RequireAuthorization(Policies.References);

    /// <summary>The export form's hidden fields: the page's filters and sort, without paging (the export has every row).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FormFields(ReferencesRequest request) =>
        PortalExports.FormFields(ReferencesQueryString.Format(request with { Page = 0, PageSize = ReferencesRequest.DefaultPageSize }));

    public static async Task WriteAsync(Stream output, PortalDbFactory databases, ReferencesRequest request, CancellationToken ct)
    {
        await using var db = databases.Create();
        await using var csv = new CsvWriter(output);
        await csv.HeaderAsync(Header, ct);
        var asOf = request.AsOf;
        await foreach (var r in ReferencesQuery.AllAsync(db, request, ct))
        {
            csv.Text(r.OrgId).Text(r.Org).Text(r.AccountName).Text(r.Segment).Text(r.Industry).Number(r.Arr)
                .Score(r.Readiness).Boolean(r.IsCandidate).Score(r.Health).Text(r.Band).Score(r.AiAdoption)
                .Score(r.Size).Score(r.Tenure).Text(r.Owner).Date(asOf);
            await csv.EndRowAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
