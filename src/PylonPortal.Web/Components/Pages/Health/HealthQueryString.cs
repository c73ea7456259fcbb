using System.Globalization;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Health;

/// <summary>
/// The health view as it travels in the URL query string and in the export form: the page and the export
/// read a <see cref="HealthRequest"/> from the same names in the same way, so a shared link, the grid and
/// the CSV always agree. The date, segment, sort and page have the names of <see cref="ScoreGridQueryString"/>.
/// </summary>
public static class HealthQueryString
{
    public const string Band = "band";
    public const string Mine = "mine";
    public const string MinArr = "minarr";
    public const string Search = "q";

    /// <summary>Reads a request from named values (query or form); anything unreadable falls back to the default.</summary>
    public static HealthRequest Parse(Func<string, string?> value, string? userEmail) => new HealthRequest
    {
        Band = QueryValues.Text(value(Band)),
        MinArr = QueryValues.ParseDecimal(value(MinArr)) is > 0 and var arr and < 1_000_000_000_000m ? (double)arr : null,
        MyAccounts = QueryValues.ParseFlag(value(Mine)),
        UserEmail = userEmail,
        Search = QueryValues.Text(value(Search)),
    }.ReadShared(value);

    /// <summary>The request as query values; a value at its default is null, which removes it from the URL.</summary>
    public static Dictionary<string, object?> Format(HealthRequest request) => request.ToQuery(
        (Band, request.Band),
        (MinArr, request.MinArr?.ToString("0.##", CultureInfo.InvariantCulture)),
        (Mine, request.MyAccounts ? "true" : null),
        (Search, request.Search));
}
