namespace PylonPortal.Analytics.Staging;

/// <summary>
/// Why staging rejects or changes a raw row (DESIGN section 3, rules 2 and 6). Each reason is counted per
/// run and model in pipeline_row_issues with an example key, so the pipeline page can say what was wrong.
/// </summary>
public static class RejectReasons
{
    public const string MissingKey = "missing key";
    public const string MissingEvent = "missing event";
    public const string MissingDistinctId = "missing distinct_id";
    public const string MissingTimestamp = "missing timestamp";

    /// <summary>The event's timestamp is more than a day after its own extraction: it cannot have happened yet.</summary>
    public const string Future = "future timestamp";

    /// <summary>A text value longer than its staged column (<see cref="Database.TextLengths"/>).</summary>
    public const string TooLong = "too long: ";

    /// <summary>
    /// A key or name ending with a space. SQL Server's = and GROUP BY ignore trailing spaces even under a
    /// binary collation, SQLite's do not, so such a value would count differently on the two engines.
    /// </summary>
    public const string TrailingSpace = "ends with a space: ";

    /// <summary>Not a rejection: a decimal of magnitude 10^15 or more is staged as NULL and the row kept.</summary>
    public const string OutOfRange = "out of range, set to NULL: ";

    /// <summary>The largest decimal magnitude staged (exclusive): 10^15.</summary>
    public const decimal DecimalLimit = 1_000_000_000_000_000m;
}
