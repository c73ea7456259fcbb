using System.Globalization;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Health;

/// <summary>
/// The health view as it travels in the URL query string and in the export form: the page and the export
/// read a <see cref="HealthRequest"/> from the same names in the same way, so a shared link, the grid and
/// the CSV always agree.
/// </summary>
public static class HealthQueryString
{
    public const string Date = "date";
    public const string Band = "band";
    public const string Segment = "segment";
    public const string Mine = "mine";
    public const string MinArr = "minarr";
    public const string Search = "q";
    public const string Sort = "sort";
    public const string Direction = "dir";
    public const string Page = "page";
    public const string PageSize = "size";

    /// <summary>Reads a request from named values (query or form); anything unreadable falls back to the default.</summary>
    public static HealthRequest Parse(Func<string, string?> value, string? userEmail) => new()
    {
        AsOf = QueryValues.ParseDate(value(Date)),
        Band = QueryValues.Text(value(Band)),
        Segment = QueryValues.Text(value(Segment)),
        MinArr = QueryValues.ParseDecimal(value(MinArr)) is > 0 and var arr and < 1_000_000_000_000m ? (double)arr : null,
        MyAccounts = QueryValues.ParseFlag(value(Mine)),
        UserEmail = userEmail,
        Search = QueryValues.Text(value(Search)),
        SortBy = Enum.TryParse<HealthColumn>(value(Sort), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : HealthColumn.Health,
        Descending = QueryValues.ParseDescending(value(Direction), byDefault: false),
        Page = QueryValues.ParsePage(value(Page)),
        PageSize = QueryValues.ParsePageSize(value(PageSize), HealthRequest.DefaultPageSize),
    };

    /// <summary>The request as query values; a value at its default is null, which removes it from the URL.</summary>
    public static Dictionary<string, object?> Format(HealthRequest request) => new()
    {
        [Date] = request.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Band] = request.Band,
        [Segment] = request.Segment,
        [MinArr] = request.MinArr?.ToString("0.##", CultureInfo.InvariantCulture),
        [Mine] = request.MyAccounts ? "true" : null,
        [Search] = request.Search,
        [Sort] = request.SortBy == HealthColumn.Health ? null : request.SortBy.ToString().ToLowerInvariant(),
        [Direction] = QueryValues.FormatDescending(request.Descending, byDefault: false),
        [Page] = QueryValues.FormatPage(request.Page),
        [PageSize] = request.PageSize == HealthRequest.DefaultPageSize ? null : request.PageSize.ToString(CultureInfo.InvariantCulture),
    };
}
