using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// Turns a non-empty CSV field into a column's value (DESIGN section 2). <see cref="Parse"/> returns
/// null when the text is not valid; <see cref="Reason"/> then says what was expected.
/// </summary>
internal sealed partial record ValueParser(string Reason, Func<string, object?> Parse)
{
    private static readonly ValueParser Text = new("", text => text); // any text is valid
    private static readonly ValueParser Integer = new("is not an integer",
        text => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null);
    private static readonly ValueParser Decimal = new("is not a decimal number (invariant culture, '.' as the decimal point)",
        text => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var v) ? v : null);
    private static readonly ValueParser Boolean = new("is not a boolean (true, false, 1 or 0)", ParseBoolean);
    private static readonly ValueParser Date = new("is not a yyyy-MM-dd date",
        text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null);
    private static readonly ValueParser Timestamp = new("is not an ISO 8601 timestamp", text => ParseTimestamp(text));
    private static readonly ValueParser EpochMilliseconds = new("is neither epoch milliseconds nor an ISO 8601 timestamp",
        text => EpochDigits().IsMatch(text) && long.TryParse(text, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : ParseTimestamp(text)?.ToUnixTimeMilliseconds());
    private static readonly ValueParser Json = new("is not valid JSON", ParseJson);

    // Columns that hold JSON text: they are strings in the model, so the type cannot tell.
    private static readonly HashSet<string> JsonProperties = [nameof(AirbyteRecord.AirbyteMeta), nameof(RawProductEvent.Properties)];

    public static ValueParser For(PropertyInfo property)
    {
        if (property.Name == nameof(AirbyteRecord.AirbyteExtractedAt)) return EpochMilliseconds;
        if (JsonProperties.Contains(property.Name)) return Json;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string)) return Text;
        if (type == typeof(long)) return Integer;
        if (type == typeof(decimal)) return Decimal;
        if (type == typeof(bool)) return Boolean;
        if (type == typeof(DateOnly)) return Date;
        if (type == typeof(DateTimeOffset)) return Timestamp;
        throw new NotSupportedException($"No CSV parser for {property.DeclaringType?.Name}.{property.Name} ({type.Name}).");
    }

    private static object? ParseBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" ? false
        : null;

    /// <summary>ISO 8601 only; no offset means UTC. The shape check keeps out what .NET would also accept, like 03/04/2024.</summary>
    private static DateTimeOffset? ParseTimestamp(string text) =>
        IsoTimestamp().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v)
            ? v
            : null;

    private static object? ParseJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex EpochDigits();
}
