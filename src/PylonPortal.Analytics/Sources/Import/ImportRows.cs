using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// The valid rows of a CSV as typed columns, one at a time: what the SQLite insert binds and what SQL
/// Server's bulk copy streams (so it is a <see cref="DbDataReader"/>). Bad rows are not returned: their
/// errors are collected, naming line, column and value, and after <see cref="CsvImporter.MaxErrors"/>
/// reading stops. After the first error no row is returned either (nothing will be committed), but the
/// rest of the file is still checked. The buffers are reused from row to row.
/// </summary>
internal sealed class ImportRows : DbDataReader
{
    /// <summary>Rows between progress reports and cancellation checks.</summary>
    public const int BatchSize = 5_000;

    private readonly CsvRecords _csv;
    private readonly ImportColumn[] _header;
    private readonly ImportColumn[] _columns;
    private readonly int[] _field; // the CSV field of each column, -1 for a column the file leaves out
    private readonly FieldValue[] _values;
    private readonly int _meta; // the field of _airbyte_meta, -1 when none
    private readonly int _extractedAtColumn;
    private readonly int _rawIdColumn;
    private readonly long _extractedAt;
    private readonly char[] _rawId; // the prefix, then room for the line
    private readonly int _rawIdPrefix;
    private int _rawIdLength; // > 0 when the current row's raw id was made up
    private readonly IProgress<long>? _progress;
    private readonly CancellationToken _ct;

    /// <param name="defaultExtractedAt">The value of <c>_airbyte_extracted_at</c> when left out or empty: "now".</param>
    /// <param name="rawIdPrefix">Of a raw id made for a row without one: the prefix, then the line, so ids sort in line order.</param>
    public ImportRows(CsvRecords csv, ImportColumn[] header, IReadOnlyList<ImportColumn> all, long defaultExtractedAt, string rawIdPrefix,
        List<ImportError> errors, IProgress<long>? progress, CancellationToken ct)
    {
        (_csv, _header, _extractedAt, Errors, _progress, _ct) = (csv, header, defaultExtractedAt, errors, progress, ct);
        var defaulted = all.Where(c => c.Property is nameof(AirbyteRecord.AirbyteExtractedAt) or nameof(AirbyteRecord.AirbyteRawId)
                                       && !header.Contains(c));
        _columns = [.. header, .. defaulted];
        _field = [.. _columns.Select(c => Array.IndexOf(header, c))];
        _values = new FieldValue[_columns.Length];
        _meta = Array.FindIndex(header, c => c.Property == nameof(AirbyteRecord.AirbyteMeta));
        _extractedAtColumn = Array.FindIndex(_columns, c => c.Property == nameof(AirbyteRecord.AirbyteExtractedAt));
        _rawIdColumn = Array.FindIndex(_columns, c => c.Property == nameof(AirbyteRecord.AirbyteRawId));
        _rawIdPrefix = rawIdPrefix.Length;
        _rawId = new char[_rawIdPrefix + 20];
        rawIdPrefix.CopyTo(_rawId);
    }

    public List<ImportError> Errors { get; }

    /// <summary>Records read, valid or not.</summary>
    public long Rows { get; private set; }

    public bool StoppedEarly { get; private set; }

    public IReadOnlyList<ImportColumn> Columns => _columns;

    public ref readonly FieldValue Value(int i) => ref _values[i];

    /// <summary>The text of a Text or Json column, or of a made-up raw id.</summary>
    public ReadOnlySpan<char> Text(int i) => i == _rawIdColumn && _rawIdLength > 0 ? _rawId.AsSpan(0, _rawIdLength) : _csv[_field[i]];

    public override bool Read()
    {
        while (!StoppedEarly && _csv.MoveNext())
        {
            if (++Rows % BatchSize == 0)
            {
                _ct.ThrowIfCancellationRequested();
                _progress?.Report(Rows);
            }
            var valid = Parse();
            if (Errors.Count >= CsvImporter.MaxErrors) StoppedEarly = true;
            if (valid && Errors.Count == 0) return true;
        }
        if (_csv is { TooLong: true, Problem: { } problem }) Errors.Add(new ImportError(problem.Line, null, null, problem.Reason));
        if (Rows % BatchSize != 0 && Errors.Count == 0) _progress?.Report(Rows); // the last, partial batch
        return false;
    }

    /// <summary>Fills the columns from the current record; false (with its errors added) when it is not valid.</summary>
    private bool Parse()
    {
        if (_csv.Problem is { } problem)
        {
            Errors.Add(new ImportError(problem.Line, problem.Field >= 0 && problem.Field < _header.Length ? _header[problem.Field].Name : null,
                null, problem.Reason));
            return false;
        }
        if (_csv.Count != _header.Length)
        {
            Errors.Add(new ImportError(_csv.Line, null, null, $"has {_csv.Count} fields but the header has {_header.Length}"));
            return false;
        }
        var valid = true;
        for (var i = 0; i < _columns.Length && Errors.Count < CsvImporter.MaxErrors; i++)
        {
            ref var value = ref _values[i];
            value.IsNull = true;
            if (_field[i] < 0 || _csv[_field[i]] is not { Length: > 0 } text) continue; // an empty field is NULL
            value.IsNull = false;
            if (ValueParser.TryParse(_columns[i].Kind, text, ref value) || Truncated(i)) continue;
            Errors.Add(new ImportError(_csv.Line, _columns[i].Name, text.ToString(), _columns[i].Reason));
            valid = false;
        }
        ref var extractedAt = ref _values[_extractedAtColumn];
        if (extractedAt.IsNull) (extractedAt.IsNull, extractedAt.Integer) = (false, _extractedAt);
        _rawIdLength = 0;
        if (_values[_rawIdColumn].IsNull)
        {
            _csv.Line.TryFormat(_rawId.AsSpan(_rawIdPrefix), out var digits, "D10", CultureInfo.InvariantCulture);
            (_rawIdLength, _values[_rawIdColumn].IsNull) = (_rawIdPrefix + digits, false);
        }
        return valid;
    }

    /// <summary>A value Airbyte cut short is kept as text when the row's meta says so (DESIGN section 3, rule 2).</summary>
    private bool Truncated(int i) =>
        _columns[i].Kind == ValueKind.Json && _meta >= 0 && _field[i] != _meta
        && ValueParser.MetaSaysTruncated(_csv[_meta], _columns[i].Name);

    // What SQL Server's bulk copy reads: provider values by column.
    public override int FieldCount => _columns.Length;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name) => Array.FindIndex(_columns, c => c.Name == name);

    public override bool IsDBNull(int ordinal) => _values[ordinal].IsNull;

    public override Type GetFieldType(int ordinal) => _columns[ordinal].Kind switch
    {
        ValueKind.Integer or ValueKind.EpochMilliseconds => typeof(long),
        ValueKind.Boolean => typeof(bool),
        ValueKind.Decimal => typeof(decimal),
        ValueKind.Date => typeof(DateTime),
        ValueKind.Timestamp => typeof(DateTimeOffset),
        _ => typeof(string),
    };

    public override object GetValue(int ordinal)
    {
        ref readonly var v = ref _values[ordinal];
        if (v.IsNull) return DBNull.Value;
        return _columns[ordinal].Kind switch
        {
            ValueKind.Integer or ValueKind.EpochMilliseconds => v.Integer,
            ValueKind.Boolean => v.Boolean,
            ValueKind.Decimal => v.Decimal,
            ValueKind.Date => v.Date.ToDateTime(TimeOnly.MinValue),
            ValueKind.Timestamp => v.Timestamp,
            _ => Text(ordinal).ToString(),
        };
    }

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override string GetString(int ordinal) => (string)GetValue(ordinal);
    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);
    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);
    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);
    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
    public override int Depth => 0;
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    // Types no raw column has.
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
}
