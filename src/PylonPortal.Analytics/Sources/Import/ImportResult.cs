namespace PylonPortal.Analytics.Sources.Import;

/// <summary>A finished import: every row of the file is in the raw table.</summary>
public sealed record ImportResult(string Table, long Rows, TimeSpan Elapsed);

/// <summary>
/// One thing wrong with an import. <see cref="Line"/> is 1-based (the header is line 1; a record that
/// spans lines reports the line it starts on), 0 when the error is not about the file (an unknown table).
/// </summary>
public sealed record ImportError(long Line, string? Column, string? Value, string Reason)
{
    // Long JSON values would drown the message; the full value stays in Value.
    private const int ShownValueLength = 80;

    /// <summary>For example <c>line 12, column timestamp: 'abc' is not an ISO 8601 timestamp</c>.</summary>
    public override string ToString()
    {
        string?[] place = [Line > 0 ? $"line {Line}" : null, Column is null ? null : $"column {Column}"];
        var where = string.Join(", ", place.OfType<string>());
        var what = Value is null ? Reason : $"'{Shorten(Value)}' {Reason}";
        return where.Length == 0 ? what : $"{where}: {what}";
    }

    private static string Shorten(string value) =>
        value.Length <= ShownValueLength ? value : value[..ShownValueLength] + "...";
}

/// <summary>An import that loaded nothing, with what was wrong (up to <see cref="CsvImporter.MaxErrors"/> errors).</summary>
public sealed class ImportException : Exception
{
    internal ImportException(string? table, IReadOnlyList<ImportError> errors, bool stoppedEarly = false)
        : base(Describe(table, errors, stoppedEarly)) => Errors = errors;

    public IReadOnlyList<ImportError> Errors { get; }

    private static string Describe(string? table, IReadOnlyList<ImportError> errors, bool stoppedEarly)
    {
        var lines = new List<string> { table is null ? "Import failed; nothing was loaded." : $"Import into {table} failed; nothing was loaded." };
        lines.AddRange(errors.Select(e => $"  {e}"));
        if (stoppedEarly) lines.Add($"  (stopped reading after {errors.Count} errors)");
        return string.Join(Environment.NewLine, lines);
    }
}
