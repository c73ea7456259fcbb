using System.Security.Claims;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Export;

/// <summary>
/// The CSV export of a score grid (Health, References): a form post (the page's Export button) with an
/// antiforgery token, carrying the names of the page's URL; every row matching the page's filters, in its
/// sort order, streamed from the database into the response. Like the grid, each row starts with the org
/// and ends with its owner: org_id, org_name, salesforce_account_name, account_segment, the page's own
/// columns, owner_email, as_of_date. org_name is the name the page shows ("Unnamed org …" for an org with
/// neither a name nor an account; org_id has its id).
/// </summary>
internal static class ScoreGridExport
{
    private static readonly string[] First = ["org_id", "org_name", "salesforce_account_name", "account_segment"];
    private static readonly string[] Last = ["owner_email", "as_of_date"];

    /// <summary>Binding an <see cref="IFormCollection"/> makes the endpoint validate the antiforgery token.</summary>
    /// <param name="page">The file's name before its date: "health" gives health-2024-03-31.csv.</param>
    /// <param name="columns">The page's own columns, written for each row by <paramref name="write"/>.</param>
    public static RouteHandlerBuilder MapScoreGridExport<TRequest, TColumn, TRow>(this IEndpointRouteBuilder app, string path, string page,
        Func<Func<string, string?>, ClaimsPrincipal, TRequest> parse, Func<PortalDbContext, TRequest, CancellationToken, IAsyncEnumerable<TRow>> rows,
        string[] columns, Action<CsvWriter, TRow> write)
        where TRequest : ScoreGridRequest<TRequest, TColumn>, new() where TColumn : struct, Enum where TRow : ScoreRow =>
        app.MapPost(path, async (IFormCollection form, ClaimsPrincipal user, PortalDbFactory databases, HttpContext http) =>
        {
            var (asOf, problem) = await PortalExports.CheckAsync(form, ScoreGridQueryString.Date, databases, http.RequestAborted);
            if (problem is not null) return problem;
            var request = parse(name => form[name].FirstOrDefault(), user).With(r => r with { AsOf = asOf });
            return PortalExports.Csv(http, page, asOf, async body =>
            {
                var ct = http.RequestAborted;
                await using var db = databases.Create();
                await using var csv = new CsvWriter(body);
                await csv.HeaderAsync([.. First, .. columns, .. Last], ct);
                await foreach (var row in rows(db, request, ct))
                {
                    csv.Text(row.OrgId).Text(row.DisplayName).Text(row.AccountName).Text(row.Segment);
                    write(csv, row);
                    csv.Text(row.Owner).Date(asOf);
                    await csv.EndRowAsync(ct);
                }
                await csv.FlushAsync(ct);
            });
        });
}
