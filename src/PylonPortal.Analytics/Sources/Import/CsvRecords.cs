using System.Buffers;
using System.Text;
using nietras.SeparatedValues;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>Something malformed in a record: the line it is on, the field (-1 when the record as a whole), and what.</summary>
internal readonly record struct CsvProblem(long Line, int Field, string Reason);

/// <summary>
/// RFC 4180 records of a UTF-8 file, split by Sep (SIMD): comma separator, double-quote quoting with
/// <c>""</c> escapes, quoted fields may hold commas and line breaks, records end with CRLF or LF, blank
/// lines are skipped. On top of Sep it checks what Sep accepts leniently (stray quotes, an unclosed
/// quote, NUL characters, bytes that are not UTF-8) and reports each on the record, so reading goes on.
/// Fields are spans into Sep's buffer, valid until the next <see cref="MoveNext"/>: nothing is
/// allocated per record.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    /// <summary>
    /// What the decoder puts in place of bytes that are not UTF-8: a noncharacter, so a record can say
    /// where they were (the decoder reads far ahead of the record being parsed).
    /// </summary>
    private const char NotUtf8 = '\uFFFF';

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(['\0', NotUtf8]);

    /// <summary>Sep's longest row (it stops there), which keeps a quote left open from reading the rest of the file into memory.</summary>
    public const int MaxRecordLength = 16 * 1024 * 1024;

    private readonly SepReader _sep;
    private char[][] _unescaped = [];
    private int[] _unescapedLength = [];
    private bool _first = true;
    private long _nextLine = 1; // the line after the current record

    private CsvRecords(TextReader text) =>
        _sep = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);

    /// <summary>The line the current record starts on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Fields in the current record.</summary>
    public int Count { get; private set; }

    /// <summary>What is malformed about the current record, or null.</summary>
    public CsvProblem? Problem { get; private set; }

    public static CsvRecords Open(string path) =>
        // The encoding's preamble is the BOM, which StreamReader then skips when the file has one.
        new(new StreamReader(path,
            Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(NotUtf8.ToString())),
            detectEncodingFromByteOrderMarks: false,
            new FileStreamOptions { Options = FileOptions.SequentialScan, BufferSize = 256 * 1024 }));

    /// <summary>Field <paramref name="i"/> of the current record, unquoted and unescaped.</summary>
    public ReadOnlySpan<char> this[int i] =>
        _unescapedLength[i] >= 0 ? _unescaped[i].AsSpan(0, _unescapedLength[i]) : _sep.Current[i].Span;

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool MoveNext()
    {
        while (NextRow())
        {
            var row = _sep.Current;
            if (row.Span.IsEmpty) continue; // a blank line
            // Sep numbers the very first row as if after a header.
            Line = _first ? 1 : row.LineNumberFrom;
            _nextLine = row.LineNumberToExcl;
            _first = false;
            Count = row.ColCount;
            if (_unescapedLength.Length < Count)
            {
                Array.Resize(ref _unescaped, Count);
                Array.Resize(ref _unescapedLength, Count);
            }
            Problem = null;
            for (var i = 0; i < Count; i++)
            {
                _unescapedLength[i] = -1;
                var raw = row[i].Span;
                if (raw.Contains('"')) Unquote(i, raw);
            }
            var bad = row.Span.IndexOfAny(Forbidden);
            if (bad >= 0) Problem ??= ForbiddenAt(row, bad);
            return true;
        }
        return false;
    }

    /// <summary>Sep's next row; false at the end, or (with <see cref="Problem"/> set) after a record too long to read.</summary>
    private bool NextRow()
    {
        try
        {
            return _sep.MoveNext();
        }
        catch (NotSupportedException) // Sep's "Buffer or row has reached maximum supported length"
        {
            Problem = new CsvProblem(_nextLine, -1, $"has a record longer than {MaxRecordLength:N0} characters (is a quote left open?); reading stopped here");
            Count = 0;
            TooLong = true;
            return false;
        }
    }

    /// <summary>Reading stopped at a record too long to hold (<see cref="Problem"/> says where).</summary>
    public bool TooLong { get; private set; }

    /// <summary>Unquotes field <paramref name="i"/> into its own buffer, or records why it cannot.</summary>
    private void Unquote(int i, ReadOnlySpan<char> raw)
    {
        if (raw[0] != '"')
        {
            Problem ??= new CsvProblem(Line, -1, "has a quote inside an unquoted field (quote the whole field and double the quote)");
            return;
        }
        var buffer = _unescaped[i] is { } b && b.Length >= raw.Length ? b : _unescaped[i] = new char[Math.Max(raw.Length, 256)];
        var length = 0;
        var rest = raw[1..];
        while (true)
        {
            var quote = rest.IndexOf('"');
            if (quote < 0)
            {
                Problem ??= new CsvProblem(Line, -1, "has a quoted field that is not closed before the end of the file");
                return;
            }
            rest[..quote].CopyTo(buffer.AsSpan(length));
            length += quote;
            if (quote == rest.Length - 1) break; // the closing quote
            if (rest[quote + 1] != '"')
            {
                Problem ??= new CsvProblem(Line, -1, "has text after the closing quote of a field");
                return;
            }
            buffer[length++] = '"';
            rest = rest[(quote + 2)..];
        }
        _unescapedLength[i] = length;
    }

    private CsvProblem ForbiddenAt(SepReader.Row row, int position)
    {
        var field = 0;
        while (field < Count - 1 && row[field].Span.IndexOfAny(Forbidden) < 0) field++;
        // The line where the character is, which is later than the record's first in a multi-line field.
        var line = Line + row.Span[..position].Count('\n');
        return new CsvProblem(line, field, row.Span[position] == NotUtf8
            ? "is not UTF-8 text (save the file as UTF-8)"
            : "contains a NUL character, which no text or number may hold");
    }

    public void Dispose() => _sep.Dispose();

}
