using System.Text;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>One CSV record: its fields, the line it starts on, and what is malformed about it (null when nothing).</summary>
internal sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string? Error);

/// <summary>A record the reader cannot get past: reading stops there.</summary>
internal sealed class CsvReadException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}

/// <summary>
/// A streaming RFC 4180 reader: comma separator, double-quote quoting with <c>""</c> escapes, quoted
/// fields may hold commas and line breaks, records end with CRLF or LF. It holds one record at a time,
/// so files of any size stream. Malformed quoting is reported on the record and reading goes on.
/// </summary>
internal sealed class CsvReader(TextReader text)
{
    /// <summary>Longest field accepted: past it, a quote left open would swallow the rest of the file.</summary>
    public const int MaxFieldLength = 16 * 1024 * 1024;

    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;

    /// <summary>The line the reader is on (1-based).</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The next record, or null at the end of the file. Blank lines are skipped.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken ct)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var start = Line;
        string? error = null;

        while (_position < _length || await FillAsync(ct))
        {
            var c = _buffer[_position++];
            if (c == '\n') Line++;
            switch (state)
            {
                case State.Quoted when c == '"':
                    state = State.QuoteInQuoted;
                    continue;
                case State.Quoted:
                    field.Append(c);
                    break;
                case State.QuoteInQuoted when c == '"':
                    field.Append('"');
                    state = State.Quoted;
                    continue;
                case State.QuoteInQuoted when c == '\r':
                    continue; // the CR of a CRLF after a closing quote
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    continue;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                    continue;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == '\n':
                    if (EndRecord(fields, field, state)) return new CsvRecord(start, fields, error);
                    (start, state) = (Line, State.FieldStart); // a blank line
                    continue;
                case State.QuoteInQuoted:
                    error ??= "has text after the closing quote of a field";
                    field.Append(c);
                    state = State.Unquoted;
                    break;
                default:
                    if (c == '"') error ??= "has a quote inside an unquoted field (quote the whole field and double the quote)";
                    field.Append(c);
                    state = State.Unquoted;
                    break;
            }
            if (field.Length > MaxFieldLength)
                throw new CsvReadException(new ImportError(start, null, null,
                    $"has a field longer than {MaxFieldLength:N0} characters (is a quote left open?)"));
        }

        if (state == State.Quoted) error ??= "has a quoted field that is not closed before the end of the file";
        return EndRecord(fields, field, state) ? new CsvRecord(start, fields, error) : null;
    }

    /// <summary>Adds the last field; false when the line held nothing at all (a blank line or the end of the file).</summary>
    private static bool EndRecord(List<string> fields, StringBuilder field, State state)
    {
        // CRLF: the CR landed in an unquoted field.
        if (state == State.Unquoted && field.Length > 0 && field[^1] == '\r') field.Length--;
        if (fields.Count == 0 && field.Length == 0 && state is not (State.QuoteInQuoted or State.Quoted)) return false;
        fields.Add(field.ToString());
        return true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        try
        {
            _length = await text.ReadAsync(_buffer, ct);
        }
        catch (DecoderFallbackException)
        {
            // The decoder reads ahead of the parser, so the bad bytes are at or a little after this line.
            throw new CsvReadException(new ImportError(Line, null, null, "the file is not UTF-8 text at or after this line"));
        }
        _position = 0;
        return _length > 0;
    }
}
