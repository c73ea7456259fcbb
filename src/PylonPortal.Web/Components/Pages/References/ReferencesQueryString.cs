using System.Globalization;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>
/// The references view as it travels in the URL query string and in the export form, read and written in
/// one place so a shared link, the grid and the CSV always agree.
/// </summary>
public static class ReferencesQueryString
{
    public const string Date = "date";
    public const string Segment = "segment";
    public const string Industry = "industry";
    public const string IncludeNonCandidates = "all";
    public const string MinReadiness = "min";
    public const string MinAiAdoption = "minai";
    public const string Sort = "sort";
    public const string Direction = "dir";
    public const string Page = "page";
    public const string PageSize = "size";

    /// <summary>Reads a request from named values (query or form); anything unreadable falls back to the default.</summary>
    public static ReferencesRequest Parse(Func<string, string?> value) => new()
    {
        AsOf = QueryValues.ParseDate(value(Date)),
        Segment = QueryValues.Text(value(Segment)),
        Industry = QueryValues.Text(value(Industry)),
        IncludeNonCandidates = QueryValues.ParseFlag(value(IncludeNonCandidates)),
        MinReadiness = QueryValues.ParseDecimal(value(MinReadiness)) is { } min and >= 0 and <= 100 ? min : ReferencesRequest.DefaultMinReadiness,
        MinAiAdoption = QueryValues.ParseDecimal(value(MinAiAdoption)) is { } minAi and > 0 and <= 100 ? minAi : null,
        SortBy = Enum.TryParse<ReferencesColumn>(value(Sort), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : ReferencesColumn.Readiness,
        Descending = QueryValues.ParseDescending(value(Direction), byDefault: true),
        Page = QueryValues.ParsePage(value(Page)),
        PageSize = QueryValues.ParsePageSize(value(PageSize), ReferencesRequest.DefaultPageSize),
    };

    /// <summary>The request as query values; a value at its default is null, which removes it from the URL.</summary>
    public static Dictionary<string, object?> Format(ReferencesRequest request) => new()
    {
        [Date] = request.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Segment] = request.Segment,
        [Industry] = request.Industry,
        [IncludeNonCandidates] = request.IncludeNonCandidates ? "true" : null,
        [MinReadiness] = request.MinReadiness == ReferencesRequest.DefaultMinReadiness ? null : request.MinReadiness.ToString(CultureInfo.InvariantCulture),
        [MinAiAdoption] = request.MinAiAdoption?.ToString(CultureInfo.InvariantCulture),
        [Sort] = request.SortBy == ReferencesColumn.Readiness ? null : request.SortBy.ToString().ToLowerInvariant(),
        [Direction] = QueryValues.FormatDescending(request.Descending, byDefault: true),
        [Page] = QueryValues.FormatPage(request.Page),
        [PageSize] = request.PageSize == ReferencesRequest.DefaultPageSize ? null : request.PageSize.ToString(CultureInfo.InvariantCulture),
    };
}
