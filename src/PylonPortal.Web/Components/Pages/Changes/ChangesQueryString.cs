using System.Globalization;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Changes;

/// <summary>The changes view in the URL and in the export form, read and written in one place.</summary>
public static class ChangesQueryString
{
    public const string Kind = "kind";
    public const string Owner = "owner";
    public const string Segment = "segment";
    public const string MinArr = "minarr";

    /// <summary>Anything unreadable (an unknown kind, a negative ARR) falls back to the default.</summary>
    public static ChangesRequest Parse(Func<string, string?> value) => new()
    {
        Kind = QueryValues.Text(value(Kind)) is { } kind && ChangeKinds.All.Contains(kind) ? kind : null,
        Owner = QueryValues.Text(value(Owner)),
        Segment = QueryValues.Text(value(Segment)),
        MinArr = QueryValues.ParseDecimal(value(MinArr)) is { } min and > 0 ? min : 0m,
    };

    public static Dictionary<string, object?> Format(ChangesRequest request) => new()
    {
        [Kind] = request.Kind,
        [Owner] = request.Owner,
        [Segment] = request.Segment,
        [MinArr] = request.MinArr > 0 ? request.MinArr.ToString(CultureInfo.InvariantCulture) : null,
    };
}
