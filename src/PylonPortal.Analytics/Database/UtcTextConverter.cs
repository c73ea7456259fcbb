using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// Timestamps on SQLite: UTC ISO 8601 text (<c>2024-05-01 13:45:00.250000+00:00</c>), so text order
/// is time order and SQLite's <c>date()</c> gives the UTC calendar date.
/// </summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(v => Format(v), v => Parse(v))
{
    /// <summary>The longest text <see cref="Format(DateTimeOffset, Span{char})"/> writes.</summary>
    public const int MaxLength = 32;

    public static string Format(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[MaxLength];
        return new string(text[..Format(value, text)]);
    }

    /// <summary>Writes the text into <paramref name="destination"/> (at least <see cref="MaxLength"/> long) and returns its length.</summary>
    public static int Format(DateTimeOffset value, Span<char> destination)
    {
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff";
        utc.TryFormat(destination, out var n, format, CultureInfo.InvariantCulture);
        "+00:00".CopyTo(destination[n..]);
        return n + 6;
    }

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
