using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// Timestamps on SQLite: UTC ISO 8601 text (<c>2024-05-01 13:45:00.250000+00:00</c>), so text order
/// is time order and SQLite's <c>date()</c> gives the UTC calendar date.
/// </summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(v => Format(v), v => Parse(v))
{
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
