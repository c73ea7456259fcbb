using LinqToDB;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// The few expressions whose SQL differs between the providers, each written once per provider.
/// Everything else is plain LINQ that linq2db translates for both.
/// </summary>
public static class SqlFunctions
{
    /// <summary>The UTC calendar date of a timestamp (SQLite stores UTC text; date() also honours an offset).</summary>
    [Sql.Expression(ProviderName.SQLite, "date({0})", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    [Sql.Expression(ProviderName.SqlServer, "CAST(SWITCHOFFSET({0}, '+00:00') AS DATE)", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    public static DateOnly? UtcDate(DateTimeOffset? timestamp) => throw ServerSideOnly();

    /// <summary>
    /// <paramref name="date"/> lies between <paramref name="anchor"/> plus <paramref name="fromDays"/> and plus
    /// <paramref name="toDays"/> days, inclusive: the 30- and 60-day windows. One predicate, so the column
    /// side stays bare and an index on it serves the range.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "{0} BETWEEN date({1}, ({2}) || ' days') AND date({1}, ({3}) || ' days')", ServerSideOnly = true, IsPredicate = true)]
    [Sql.Expression(ProviderName.SqlServer, "{0} BETWEEN DATEADD(day, {2}, {1}) AND DATEADD(day, {3}, {1})", ServerSideOnly = true, IsPredicate = true)]
    public static bool Within(DateOnly? date, DateOnly anchor, int fromDays, int toDays) => throw ServerSideOnly();

    /// <summary>
    /// <paramref name="date"/> is on or after <paramref name="anchor"/> plus <paramref name="days"/>. A predicate with the
    /// column side bare: compared with a date expression, linq2db wraps both sides in date() on SQLite, and an
    /// index then serves only the other bound (a year of history read for a day's window).
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "{0} >= date({1}, ({2}) || ' days')", ServerSideOnly = true, IsPredicate = true)]
    [Sql.Expression(ProviderName.SqlServer, "{0} >= DATEADD(day, {2}, {1})", ServerSideOnly = true, IsPredicate = true)]
    public static bool OnOrAfter(DateOnly? date, DateOnly anchor, int days) => throw ServerSideOnly();

    /// <summary>
    /// Text compared ordinally. The portal's own columns carry a binary collation already; Airbyte's raw
    /// columns have the database default (usually case-insensitive), so reads of raw keys go through this.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "{0}", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    [Sql.Expression(ProviderName.SqlServer, "{0} COLLATE Latin1_General_100_BIN2", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    public static string? Ordinal(string? text) => throw ServerSideOnly();

    /// <summary>Ordinal text comparison <c>a &gt; b</c> (the columns it is used on carry an ordinal collation).</summary>
    [Sql.Expression("{0} > {1}", ServerSideOnly = true, IsPredicate = true)]
    public static bool After(string a, string b) => throw ServerSideOnly();

    /// <summary>Ordinal range <c>first &lt;= text &lt;= last</c>: a slice of orgs in key order.</summary>
    [Sql.Expression("{0} BETWEEN {1} AND {2}", ServerSideOnly = true, IsPredicate = true)]
    public static bool InRange(string? text, string first, string last) => throw ServerSideOnly();

    /// <summary>
    /// The key of a join's driving side, a small set such as a slice of orgs. On SQLite a unary + stops the planner
    /// from indexing this side and scanning the big table instead, a plan it picks to save a sort for a window
    /// function, reading a year of rows for a day's window (https://sqlite.org/optoverview.html, "Disqualifying WHERE
    /// clause terms using unary-+"). The same hint makes a full build's filter read the table by one scan rather
    /// than through an index on the key.
    /// SQL Server's optimizer needs no such hint.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "+{0}", ServerSideOnly = true)]
    [Sql.Expression(ProviderName.SqlServer, "{0}", ServerSideOnly = true)]
    public static string DrivingKey(string key) => throw ServerSideOnly();

    /// <summary>
    /// <c>_airbyte_meta.changes</c> has an element (Airbyte nulled or truncated a field), whatever the whitespace
    /// (<c>[\n]</c> is empty); meta that is not a JSON object or array counts too (nothing says the row is whole), and never fails the build.
    /// SQL Server: the column is TEXT, which JSON functions do not take, so it is cast to NVARCHAR(MAX) first
    /// (https://learn.microsoft.com/sql/t-sql/functions/json-query-transact-sql); CASE tests ISJSON before JSON_QUERY
    /// runs, since JSON_QUERY raises an error on text that is not JSON, while an AND has no guaranteed order. The
    /// first element is an object (JSON_QUERY) or a scalar (JSON_VALUE); JSON_PATH_EXISTS would need SQL Server 2022.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite,
        "(CASE WHEN {0} IS NULL THEN 0 WHEN NOT json_valid({0}) THEN 1 WHEN json_type({0}) NOT IN ('object', 'array') THEN 1 " +
        "ELSE coalesce(json_array_length({0}, '$.changes'), 0) > 0 END)",
        ServerSideOnly = true, IsPredicate = true)]
    [Sql.Expression(ProviderName.SqlServer,
        "CASE WHEN {0} IS NULL THEN 0 WHEN ISJSON(CAST({0} AS NVARCHAR(MAX))) = 0 THEN 1 " +
        "WHEN JSON_QUERY(CAST({0} AS NVARCHAR(MAX)), '$.changes[0]') IS NOT NULL OR JSON_VALUE(CAST({0} AS NVARCHAR(MAX)), '$.changes[0]') IS NOT NULL THEN 1 ELSE 0 END = 1",
        ServerSideOnly = true, IsPredicate = true)]
    public static bool HasAirbyteChanges(string? meta) => throw ServerSideOnly();

    /// <summary>Epoch milliseconds of a timestamp (to compare it with <c>_airbyte_extracted_at</c>).</summary>
    [Sql.Expression(ProviderName.SQLite, "CAST(round((julianday({0}) - 2440587.5) * 86400000.0) AS INTEGER)", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    [Sql.Expression(ProviderName.SqlServer, "DATEDIFF_BIG(millisecond, CAST('1970-01-01T00:00:00+00:00' AS DATETIMEOFFSET), {0})", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    public static long? EpochMilliseconds(DateTimeOffset? timestamp) => throw ServerSideOnly();

    /// <summary>
    /// Text longer than <paramref name="units"/> UTF-16 code units, the unit of an nvarchar(n) column: n byte-pairs,
    /// two for a supplementary character such as an emoji (https://learn.microsoft.com/sql/t-sql/data-types/nchar-and-nvarchar-transact-sql).
    /// Not LEN, which ignores trailing spaces and under a supplementary-character (_SC) collation counts a pair as one,
    /// nor SQLite's length(), which counts code points: a value between the two would fit on one engine only. On
    /// SQLite a character takes at least as many UTF-8 bytes as UTF-16 units, so only text of more than units bytes
    /// can be too long: octet_length reads the stored size without walking the text, and the .NET count
    /// (<see cref="PortalDatabase.Utf16LengthFunction"/>) runs for those alone.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "(octet_length({0}) > {1} AND " + PortalDatabase.Utf16LengthFunction + "({0}) > {1})",
        ServerSideOnly = true, IsPredicate = true)]
    [Sql.Expression(ProviderName.SqlServer, "DATALENGTH(CAST({0} AS nvarchar(max))) > 2 * {1}", ServerSideOnly = true, IsPredicate = true)]
    public static bool LongerThan(string? text, int units) => throw ServerSideOnly();

    /// <summary>
    /// Text that ends with a space (false for NULL). Not <c>=</c> or <c>LEN</c>: SQL Server ignores trailing spaces in
    /// both, even under a binary collation, while a LIKE pattern's trailing space is significant
    /// (https://learn.microsoft.com/sql/t-sql/language-elements/like-transact-sql).
    /// </summary>
    [Sql.Expression("({0} IS NOT NULL AND {0} LIKE '% ')", ServerSideOnly = true, IsPredicate = true)]
    public static bool EndsWithSpace(string? text) => throw ServerSideOnly();

    /// <summary>
    /// <c>text IS NULL</c> as written. linq2db folds <c>== null</c> on a column the model declares NOT NULL into
    /// <c>1 = 0</c>, so a check that no row has a NULL key would check nothing.
    /// </summary>
    [Sql.Expression("{0} IS NULL", ServerSideOnly = true, IsPredicate = true)]
    public static bool IsNull(string? text) => throw ServerSideOnly();

    /// <summary>A date plus a number of days.</summary>
    [Sql.Expression(ProviderName.SQLite, "date({0}, ({1}) || ' days')", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    [Sql.Expression(ProviderName.SqlServer, "DATEADD(day, {1}, {0})", ServerSideOnly = true, IsNullable = Sql.IsNullableType.IfAnyParameterNullable)]
    public static DateOnly AddDays(DateOnly date, int days) => throw ServerSideOnly();

    /// <summary>
    /// The Monday on or before <paramref name="date"/> (ISO weeks). SQL Server counts days from 1900-01-01, a Monday,
    /// so the result does not depend on SET DATEFIRST or the language.
    /// </summary>
    [Sql.Expression(ProviderName.SQLite, "date({0}, '-' || ((CAST(strftime('%w', {0}) AS INTEGER) + 6) % 7) || ' days')", ServerSideOnly = true)]
    [Sql.Expression(ProviderName.SqlServer, "DATEADD(day, -(DATEDIFF(day, CAST('19000101' AS DATE), {0}) % 7), {0})", ServerSideOnly = true)]
    public static DateOnly WeekStart(DateOnly date) => throw ServerSideOnly();

    /// <summary>
    /// 0 for the NULL an outer join gives a row it did not find. Written out because linq2db drops <c>?? 0</c> on a
    /// column it believes is never NULL (a CTE's COUNT or SUM), and a NULL running sum would then count as nothing.
    /// </summary>
    [Sql.Expression("COALESCE({0}, 0)", ServerSideOnly = true)]
    public static long ZeroIfNull(long value) => throw ServerSideOnly();

    /// <summary>A whole number of hundredths as an exact two-decimal value.</summary>
    [Sql.Expression(ProviderName.SQLite, "({0} / 100.0)", ServerSideOnly = true)]
    [Sql.Expression(ProviderName.SqlServer, "CAST(CAST({0} AS DECIMAL(18,2)) / 100 AS DECIMAL(18,2))", ServerSideOnly = true)]
    public static decimal Hundredths(int value) => throw ServerSideOnly();

    private static InvalidOperationException ServerSideOnly() => new("Only valid inside a database query.");
}
