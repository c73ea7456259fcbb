using System.Globalization;

namespace PylonPortal.Web.Components.Shared;

/// <summary>Lenient parsing of the values a shared link or a form carries: a bad value means "the default", never an error page.</summary>
public static class QueryValues
{
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static bool ParseFlag(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "1" or "on");

    /// <summary>A whole number in plain digits (no sign, no separators, fits an int); anything else is null.</summary>
    public static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static decimal? ParseDecimal(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The sort direction, <c>asc</c> or <c>desc</c>; absent (or unreadable) means the page's default.</summary>
    public static bool ParseDescending(string? value, bool byDefault) =>
        value?.ToLowerInvariant() switch { "desc" => true, "asc" => false, _ => byDefault };

    public static string? FormatDescending(bool descending, bool byDefault) =>
        descending == byDefault ? null : descending ? "desc" : "asc";

    /// <summary>Pages are 1-based in the URL and 0-based in a request.</summary>
    public static int ParsePage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? page - 1 : 0;

    public static string? FormatPage(int page) => page > 0 ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;

    public static int ParsePageSize(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is > 0 and <= GridQuery.MaxPageSize ? size : fallback;
}
