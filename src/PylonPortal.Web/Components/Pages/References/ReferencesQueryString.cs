using System.Globalization;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>
/// The references view as it travels in the URL query string and in the export form, read and written in
/// one place so a shared link, the grid and the CSV always agree. The date, segment, sort and page have the
/// names of <see cref="ScoreGridQueryString"/>.
/// </summary>
public static class ReferencesQueryString
{
    public const string Industry = "industry";
    public const string IncludeNonCandidates = "all";
    public const string MinReadiness = "min";
    public const string MinAiAdoption = "minai";

    /// <summary>Reads a request from named values (query or form); anything unreadable falls back to the default.</summary>
    public static ReferencesRequest Parse(Func<string, string?> value) => new ReferencesRequest
    {
        Industry = QueryValues.Text(value(Industry)),
        IncludeNonCandidates = QueryValues.ParseFlag(value(IncludeNonCandidates)),
        MinReadiness = QueryValues.ParseDecimal(value(MinReadiness)) is { } min and >= 0 and <= 100 ? min : ReferencesRequest.DefaultMinReadiness,
        MinAiAdoption = QueryValues.ParseDecimal(value(MinAiAdoption)) is { } minAi and > 0 and <= 100 ? minAi : null,
    }.ReadShared(value);

    /// <summary>The request as query values; a value at its default is null, which removes it from the URL.</summary>
    public static Dictionary<string, object?> Format(ReferencesRequest request) => request.ToQuery(
        (Industry, request.Industry),
        (IncludeNonCandidates, request.IncludeNonCandidates ? "true" : null),
        (MinReadiness, request.MinReadiness == ReferencesRequest.DefaultMinReadiness ? null : request.MinReadiness.ToString(CultureInfo.InvariantCulture)),
        (MinAiAdoption, request.MinAiAdoption?.ToString(CultureInfo.InvariantCulture)));
}
