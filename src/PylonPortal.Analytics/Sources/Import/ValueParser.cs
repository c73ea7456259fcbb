using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>How a raw column's CSV text is read (DESIGN section 2).</summary>
internal enum ValueKind { Text, Json, Integer, EpochMilliseconds, Boolean, Decimal, Date, Timestamp }

/// <summary>A parsed field: the member its <see cref="ValueKind"/> names. Text stays in the CSV buffer.</summary>
internal struct FieldValue
{
    public bool IsNull;
    public long Integer;
    public bool Boolean;
    public decimal Decimal;
    public DateOnly Date;
    public DateTimeOffset Timestamp;
}

/// <summary>
/// Turns a non-empty CSV field into a column's value, without allocating. <see cref="TryParse"/> is
/// false when the text is not valid; <see cref="Reason"/> then says what was expected.
/// </summary>
internal static partial class ValueParser
{
    // Columns that hold JSON text: they are strings in the model, so the type cannot tell.
    private static readonly HashSet<string> JsonProperties = [nameof(AirbyteRecord.AirbyteMeta), nameof(RawProductEvent.Properties)];

    public static ValueKind KindOf(PropertyInfo property)
    {
        if (property.Name == nameof(AirbyteRecord.AirbyteExtractedAt)) return ValueKind.EpochMilliseconds;
        if (JsonProperties.Contains(property.Name)) return ValueKind.Json;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string)) return ValueKind.Text;
        if (type == typeof(long)) return ValueKind.Integer;
        if (type == typeof(decimal)) return ValueKind.Decimal;
        if (type == typeof(bool)) return ValueKind.Boolean;
        if (type == typeof(DateOnly)) return ValueKind.Date;
        if (type == typeof(DateTimeOffset)) return ValueKind.Timestamp;
        throw new NotSupportedException($"No CSV parser for {property.DeclaringType?.Name}.{property.Name} ({type.Name}).");
    }

    public static string Reason(ValueKind kind) => kind switch
    {
        ValueKind.Integer => "is not an integer",
        ValueKind.EpochMilliseconds => "is neither epoch milliseconds nor an ISO 8601 timestamp",
        ValueKind.Boolean => "is not a boolean (true, false, 1 or 0)",
        ValueKind.Decimal => "is not a decimal number (invariant culture, '.' as the decimal point)",
        ValueKind.Date => "is not a yyyy-MM-dd date",
        ValueKind.Timestamp => "is not an ISO 8601 timestamp",
        ValueKind.Json => "is not valid JSON",
        _ => "", // any text is valid
    };

    public static bool TryParse(ValueKind kind, ReadOnlySpan<char> text, ref FieldValue value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case ValueKind.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out value.Integer);
            case ValueKind.EpochMilliseconds:
                if (!text.ContainsAnyExceptInRange('0', '9')) return long.TryParse(text, NumberStyles.None, inv, out value.Integer);
                if (!TryParseTimestamp(text, out var at)) return false;
                value.Integer = at.ToUnixTimeMilliseconds();
                return true;
            case ValueKind.Boolean:
                value.Boolean = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1";
                return value.Boolean || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0";
            case ValueKind.Decimal:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    inv, out value.Decimal);
            case ValueKind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out value.Date);
            case ValueKind.Timestamp:
                return TryParseTimestamp(text, out value.Timestamp);
            case ValueKind.Json:
                return IsJson(text);
            default:
                return true;
        }
    }

    /// <summary>ISO 8601 only; no offset means UTC. The shape check keeps out what .NET would also accept, like 03/04/2024.</summary>
    private static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParseCommonTimestamp(text, out value)
        || (IsoTimestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value));

    /// <summary>
    /// The shape nearly every row has, <c>yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±HH:mm]</c>, read by position: the
    /// general path (a regular expression, then .NET's parser) costs more than the rest of a row. Anything
    /// else, or out of range, is left to the general path, which decides.
    /// </summary>
    private static bool TryParseCommonTimestamp(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        if (t.Length < 19 || t[4] != '-' || t[7] != '-' || t[10] is not ('T' or 't' or ' ') || t[13] != ':' || t[16] != ':') return false;
        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var i = 19;
        long ticks = 0;
        if (i < t.Length && t[i] == '.')
        {
            var digits = 0;
            for (i++; i < t.Length && char.IsAsciiDigit(t[i]); i++, digits++)
            {
                if (digits == 7) return false;
                ticks = ticks * 10 + (t[i] - '0');
            }
            if (digits == 0) return false;
            for (; digits < 7; digits++) ticks *= 10;
        }
        var offset = TimeSpan.Zero;
        if (i < t.Length)
        {
            if (t[i] is 'Z' or 'z' && i + 1 == t.Length) { }
            else if (t[i] is '+' or '-' && i + 6 == t.Length && t[i + 3] == ':'
                     && Digits(t, i + 1, 2, out var oh) && Digits(t, i + 4, 2, out var om) && oh <= 14 && om <= 59 && oh * 60 + om <= 14 * 60)
                offset = new TimeSpan(t[i] == '-' ? -oh : oh, t[i] == '-' ? -om : om, 0);
            else return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second).Ticks + ticks;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> t, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(t[i])) return false;
            value = value * 10 + (t[i] - '0');
        }
        return true;
    }

    /// <summary>One complete JSON value, checked by a forward-only reader over pooled UTF-8 bytes.</summary>
    private static bool IsJson(ReadOnlySpan<char> text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)));
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Whether <c>_airbyte_meta</c> says Airbyte truncated <paramref name="column"/>: then its text is kept as it
    /// is, valid JSON or not (DESIGN section 3, rule 2). Read only for a value that failed its check.
    /// </summary>
    public static bool MetaSaysTruncated(ReadOnlySpan<char> meta, string column)
    {
        try
        {
            using var document = JsonDocument.Parse(meta.ToString());
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                   && root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array
                   && changes.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object
                       && c.TryGetProperty("field", out var f) && f.ValueEquals(column)
                       && c.TryGetProperty("change", out var k) && k.ValueEquals("TRUNCATED"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$")]
    private static partial Regex IsoTimestamp();
}
