using System.Globalization;

namespace PylonPortal.Web.Components.Shared;

/// <summary>ARR as the portal prints it: invariant digits, a dash when there is none.</summary>
public static class ArrFormat
{
    public static string Full(double? arr) => arr is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) : "—";

    /// <summary>Short form for cards and axes: 950, 48.5k, 1.2M.</summary>
    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000_000 => (value / 1_000_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
