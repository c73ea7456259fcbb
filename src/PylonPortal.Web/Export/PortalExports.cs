using System.Globalization;
using PylonPortal.Web.Components.Pages.Changes;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Components.Pages.Health;
using PylonPortal.Web.Components.Pages.References;
using PylonPortal.Web.Components.Shared;

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

    /// <summary>The longest value an export form field may carry (a search text is a few words).</summary>
    public const int MaxFieldLength = 200;

    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>
    /// Checks every field of an export form before the first byte is sent, and resolves the as-of date (the
    /// latest when none is asked for). A CSV cut off mid-stream would look complete: a bad input is a 400
    /// with a sentence naming the field instead.
    /// </summary>
    internal static async Task<(DateOnly? AsOf, IResult? Problem)> CheckAsync(IFormCollection form, string dateField, PortalDbFactory databases, CancellationToken ct)
    {
        // The antiforgery token is checked (and sized) by the framework.
        foreach (var (name, values) in form.Where(f => f.Key != AntiforgeryField))
            if (values.Sum(v => v?.Length ?? 0) is var length && length > MaxFieldLength)
                return (null, BadRequest(string.Create(CultureInfo.InvariantCulture,
                    $"The field '{name}' is {length:N0} characters long; an export accepts at most {MaxFieldLength}.")));

        await using var db = databases.Create();
        var range = await ScoreDates.RangeAsync(db, ct);
        var text = QueryValues.Text(form[dateField].FirstOrDefault());
        if (text is null) return (range?.Last, null);
        if (QueryValues.ParseDate(text) is not { } date)
            return (null, BadRequest($"The field '{dateField}' must be a date as yyyy-MM-dd (was '{text}')."));
        if (range is not { } r || date < r.First || date > r.Last)
            return (null, BadRequest(range is { } known
                ? string.Create(CultureInfo.InvariantCulture, $"There are no scores for {date:yyyy-MM-dd} (field '{dateField}'); scores exist from {known.First:yyyy-MM-dd} to {known.Last:yyyy-MM-dd}.")
                : "There are no scores yet: the export has nothing to read until the first build."));
        return (date, null);
    }

    /// <summary>The CSV response: customer data, so no cache (browser or proxy) keeps a copy.</summary>
    internal static IResult Csv(HttpContext http, string page, DateOnly? asOf, Func<Stream, Task> write)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(write, "text/csv; charset=utf-8", FileName(page, asOf));
    }

    private static IResult BadRequest(string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>health-2024-03-31.csv: the page and the as-of date, so two downloads never collide.</summary>
    internal static string FileName(string page, DateOnly? asOf) =>
        $"{page}-{asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "latest"}.csv";
}
