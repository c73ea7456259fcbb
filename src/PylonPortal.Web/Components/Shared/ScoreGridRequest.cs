using System.Globalization;
using MudBlazor;
using PylonPortal.Analytics.Marts;

namespace PylonPortal.Web.Components.Shared;

/// <summary>
/// What a score grid (Health, References) and its export ask for, the part both grids share: the as-of date,
/// the segment, one sort column and a page (0-based). Each page's record adds its own filters. A link, the
/// grid and the export form carry it under the same names (<see cref="ScoreGridQueryString"/>), so they agree.
/// </summary>
/// <typeparam name="TSelf">The page's record, so that a copy made here is still one.</typeparam>
/// <typeparam name="TColumn">The grid's sortable columns, each named after the row property it sorts.</typeparam>
public abstract record ScoreGridRequest<TSelf, TColumn>
    where TSelf : ScoreGridRequest<TSelf, TColumn>, new()
    where TColumn : struct, Enum
{
    public const int DefaultPageSize = 25;

    /// <param name="sortBy">The page's default order: what a new request and an unreadable link sort by.</param>
    /// <param name="descending">The default direction of <paramref name="sortBy"/>.</param>
    protected ScoreGridRequest(TColumn sortBy, bool descending) => (SortBy, Descending) = (sortBy, descending);

    /// <summary>The as-of date; the latest in the mart when null.</summary>
    public DateOnly? AsOf { get; init; }

    public string? Segment { get; init; }

    public TColumn SortBy { get; init; }
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>A copy with some shared values changed, <c>request.With(r => r with { Page = 0 })</c>, where only this base type is known.</summary>
    public TSelf With(Func<ScoreGridRequest<TSelf, TColumn>, ScoreGridRequest<TSelf, TColumn>> change) => (TSelf)change(this);

    /// <summary>The same filters in the page's default order on the first page: requests with the same filters give the same one.</summary>
    public TSelf FiltersOnly()
    {
        var defaults = new TSelf();
        return With(r => r with { SortBy = defaults.SortBy, Descending = defaults.Descending, Page = 0, PageSize = DefaultPageSize });
    }

    /// <summary>This request with the shared values read from named values (a URL's query or a form); anything unreadable is the default.</summary>
    public TSelf ReadShared(Func<string, string?> value)
    {
        var defaults = new TSelf();
        return With(r => r with
        {
            AsOf = QueryValues.ParseDate(value(ScoreGridQueryString.Date)),
            Segment = QueryValues.Text(value(ScoreGridQueryString.Segment)),
            SortBy = Enum.TryParse<TColumn>(value(ScoreGridQueryString.Sort), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : defaults.SortBy,
            Descending = QueryValues.ParseDescending(value(ScoreGridQueryString.Direction), byDefault: defaults.Descending),
            Page = QueryValues.ParsePage(value(ScoreGridQueryString.Page)),
            PageSize = QueryValues.ParsePageSize(value(ScoreGridQueryString.PageSize), DefaultPageSize),
        });
    }

    /// <summary>
    /// The request as query values: the date and segment, the page's <paramref name="filters"/>, then sort and page.
    /// A value at its default is null, which removes it from the URL.
    /// </summary>
    public Dictionary<string, object?> ToQuery(params (string Name, object? Value)[] filters)
    {
        var defaults = new TSelf();
        var query = new Dictionary<string, object?>
        {
            [ScoreGridQueryString.Date] = AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ScoreGridQueryString.Segment] = Segment,
        };
        foreach (var (name, value) in filters) query[name] = value;
        query[ScoreGridQueryString.Sort] = SortBy.Equals(defaults.SortBy) ? null : SortBy.ToString().ToLowerInvariant();
        query[ScoreGridQueryString.Direction] = QueryValues.FormatDescending(Descending, byDefault: defaults.Descending);
        query[ScoreGridQueryString.Page] = QueryValues.FormatPage(Page);
        query[ScoreGridQueryString.PageSize] = PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture);
        return query;
    }

    /// <summary>How a column starts in the grid: sorted as the request says, or not at all.</summary>
    public SortDirection InitialSort(TColumn column) =>
        !SortBy.Equals(column) ? SortDirection.None : Descending ? SortDirection.Descending : SortDirection.Ascending;
}

/// <summary>The query string names both score grids use; each page's own filters have names of their own.</summary>
public static class ScoreGridQueryString
{
    public const string Date = "date";
    public const string Segment = "segment";
    public const string Sort = "sort";
    public const string Direction = "dir";
    public const string Page = "page";
    public const string PageSize = "size";
}

/// <summary>What a score grid row has on both grids: the org, its account and owner, and its health.</summary>
public abstract record ScoreRow
{
    public required string OrgId { get; init; }

    /// <summary>
    /// The org's name, else its Salesforce account name; null for an org with neither (<see cref="OrgNames"/>), so that
    /// sorting by it puts such orgs last, as other missing values.
    /// </summary>
    public string? Org { get; init; }

    public string? AccountName { get; init; }
    public string? Segment { get; init; }
    public double? Arr { get; init; }
    public decimal Health { get; init; }
    public required string Band { get; init; }
    public string? Owner { get; init; }

    /// <summary>What the grid and the export call the org: <see cref="Org"/>, or "Unnamed org" and the start of its id.</summary>
    public string DisplayName => OrgNames.Display(Org, AccountName, OrgId);
}

/// <summary>The values a score grid's select filters offer at a date (a grid without an industry filter leaves it empty).</summary>
public sealed record FilterChoices(IReadOnlyList<string> Segments, IReadOnlyList<string> Industries);

/// <summary>What a score grid page's own filters and columns see: the request shown, the choices, and how to show another.</summary>
/// <param name="Apply">Shows the request's rows: a new history entry (Back undoes it), on page 1.</param>
public sealed record ScoreGridView<TRequest>(TRequest Request, FilterChoices Choices, Action<TRequest> Apply);
