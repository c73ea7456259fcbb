using System.Globalization;
using System.Text;

namespace PylonPortal.Web.Export;

/// <summary>
/// Writes CSV that opens cleanly in Excel and Google Sheets: UTF-8 with a BOM, RFC 4180 quoting, CRLF line
/// ends, invariant-culture numbers and yyyy-MM-dd dates. Text cells are neutralised against formula
/// injection (org and account names come from outside): one that starts with =, +, -, @, tab or carriage
/// return gets a leading apostrophe, so a spreadsheet shows it as text instead of evaluating it.
/// Numbers are formatted here, never taken from outside, so a negative number stays a number.
/// </summary>
/// <remarks>Fields are collected per row and each row is written asynchronously: it can stream into a response body, which allows no synchronous writes.</remarks>
public sealed class CsvWriter : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    private readonly TextWriter _output;
    private readonly StringBuilder _row = new();
    private bool _rowStarted;

    public CsvWriter(Stream output) => _output = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);

    public CsvWriter Text(string? value)
    {
        Append(Quote(Neutralise(value ?? "")));
        return this;
    }

    public CsvWriter Number(decimal? value) => Raw(value?.ToString("0.####", CultureInfo.InvariantCulture));

    /// <summary>A score or score component as the pages show it: at the precision of the marts' scores (one decimal).</summary>
    public CsvWriter Score(decimal? value) =>
        Raw(value is { } v ? PylonPortal.Analytics.Scoring.ScoreMath.Round(v).ToString("0.0", CultureInfo.InvariantCulture) : null);

    public CsvWriter Number(double? value) => Raw(value?.ToString("0.##", CultureInfo.InvariantCulture));

    public CsvWriter Number(int? value) => Raw(value?.ToString(CultureInfo.InvariantCulture));

    public CsvWriter Date(DateOnly? value) => Raw(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public CsvWriter Boolean(bool value) => Raw(value ? "true" : "false");

    /// <summary>Ends the row (CRLF) and hands it to the output.</summary>
    public async Task EndRowAsync(CancellationToken ct = default)
    {
        _row.Append("\r\n");
        await _output.WriteAsync(_row, ct);
        _row.Clear();
        _rowStarted = false;
    }

    /// <summary>A header row: the column names, neutralised and quoted like any text.</summary>
    public Task HeaderAsync(IEnumerable<string> names, CancellationToken ct = default)
    {
        foreach (var name in names) Text(name);
        return EndRowAsync(ct);
    }

    public Task FlushAsync(CancellationToken ct = default) => _output.FlushAsync(ct);

    public async ValueTask DisposeAsync() => await _output.DisposeAsync();

    /// <summary>A cell a spreadsheet would read as a formula (or that hides one after a tab or CR) becomes text.</summary>
    internal static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    internal static string Quote(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private CsvWriter Raw(string? formatted)
    {
        Append(formatted ?? "");
        return this;
    }

    private void Append(string cell)
    {
        if (_rowStarted) _row.Append(',');
        _row.Append(cell);
        _rowStarted = true;
    }
}
