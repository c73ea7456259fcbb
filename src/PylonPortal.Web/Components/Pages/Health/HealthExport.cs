using System.Globalization;
using System.Security.Claims;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Components.Shared;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Components.Pages.Health;

/// <summary>
/// POST /export/health.csv: every row matching the health page's filters, in its sort order, streamed from
/// the database into the response. A form post (the page's export button) with an antiforgery token; the
/// form carries the same names as the page's URL, read by <see cref="HealthQueryString"/>.
/// </summary>
public static class HealthExport
{
    public const string Path = "/export/health.csv";

    private static readonly string[] Header =
    [
        "org_id", "org_name", "salesforce_account_name", "account_segment", "current_arr", "health_score", "health_band",
        "health_change_30d", "usage_score", "engagement_score", "support_score", "renewal_score", "trend_score",
        "sentiment_score", "days_to_renewal", "renewal_date", "owner_email", "as_of_date",
    ];

    /// <summary>Binding an <see cref="IFormCollection"/> makes the endpoint validate the antiforgery token.</summary>
    public static RouteHandlerBuilder MapHealthExport(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (IFormCollection form, ClaimsPrincipal user, PortalDbFactory databases, HttpContext http) =>
            {
                var (asOf, problem) = await PortalExports.CheckAsync(form, HealthQueryString.Date, databases, http.RequestAborted);
                if (problem is not null) return problem;
                var request = HealthQueryString.Parse(name => form[name].FirstOrDefault(), user.Email()) with { AsOf = asOf };
                return PortalExports.Csv(http, "health", asOf, body => WriteAsync(body, databases, request, http.RequestAborted));
            })
            .RequireAuthorization(Policies.Health);

    /// <summary>The export form's hidden fields: the page's filters and sort, without paging (the export has every row).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FormFields(HealthRequest request) =>
        PortalExports.FormFields(HealthQueryString.Format(request with { Page = 0, PageSize = HealthRequest.DefaultPageSize }));

    public static async Task WriteAsync(Stream output, PortalDbFactory databases, HealthRequest request, CancellationToken ct)
    {
        await using var db = databases.Create();
        await using var csv = new CsvWriter(output);
        await csv.HeaderAsync(Header, ct);
        var asOf = request.AsOf;
        await foreach (var r in HealthQuery.AllAsync(db, request, ct))
        {
            csv.Text(r.OrgId).Text(r.Org).Text(r.AccountName).Text(r.Segment).Number(r.Arr).Score(r.Health).Text(r.Band)
                .Score(r.Change).Score(r.Usage).Score(r.Engagement).Score(r.Support).Score(r.Renewal).Score(r.Trend)
                .Score(r.Sentiment).Number(r.DaysToRenewal).Date(r.RenewalDate).Text(r.Owner).Date(asOf);
            await csv.EndRowAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
