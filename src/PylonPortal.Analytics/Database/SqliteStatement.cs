using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// One prepared INSERT on SQLite's own API, for the bulk writes (imports and scored marts): binding by position
/// and stepping the statement costs a fraction of a <see cref="SqliteCommand"/> execution per row, which looks
/// parameters up by name and opens a data reader each time.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[1024];

    private SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>INSERT INTO the table, its parameters numbered 1.. in the order of <paramref name="columns"/>.</summary>
    public static SqliteStatement Insert(SqliteConnection connection, string table, IEnumerable<string> columns)
    {
        var names = columns.Select(c => $"\"{c}\"").ToList();
        return new(connection, $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(_ => "?"))})");
    }

    public void BindNull(int parameter) => Check(raw.sqlite3_bind_null(_statement, parameter));

    public void Bind(int parameter, long value) => Check(raw.sqlite3_bind_int64(_statement, parameter, value));

    public void Bind(int parameter, bool value) => Bind(parameter, value ? 1L : 0L);

    public void Bind(int parameter, double value) => Check(raw.sqlite3_bind_double(_statement, parameter, value));

    /// <summary>The text as UTF-8 in a reused buffer: .NET's vectorized transcoding beats SQLite's own from UTF-16.</summary>
    public void Bind(int parameter, ReadOnlySpan<char> text)
    {
        if (_utf8.Length < text.Length * 3) _utf8 = new byte[text.Length * 3];
        Check(raw.sqlite3_bind_text(_statement, parameter, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8))));
    }

    /// <summary>Text already encoded as UTF-8 (SQLite copies it, so the buffer may be reused at once).</summary>
    public void BindUtf8(int parameter, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, parameter, utf8));

    /// <summary>A date as the SQLite model stores it: yyyy-MM-dd text.</summary>
    public void Bind(int parameter, DateOnly date)
    {
        Span<char> text = stackalloc char[DateLength];
        Bind(parameter, text[..FormatDate(date, text)]);
    }

    private const int DateLength = 10;

    /// <summary>Writes the date as the SQLite model stores it (yyyy-MM-dd) and returns its length.</summary>
    public static int FormatDate(DateOnly date, Span<char> destination)
    {
        date.TryFormat(destination, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return n;
    }

    /// <summary>Inserts the bound row, and clears nothing: every parameter is bound again for the next.</summary>
    public void Execute()
    {
        var step = raw.sqlite3_step(_statement);
        if (step != raw.SQLITE_DONE) Check(step);
        Check(raw.sqlite3_reset(_statement));
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }
}
