using System.Data.Common;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;
using SQLitePCL;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// Writes an import's rows inside its transaction, the fastest way each engine offers: SQL Server's bulk
/// copy streams them from the reader; SQLite, which has no bulk protocol, runs one prepared INSERT per row,
/// binding each value straight from the CSV buffer, so nothing is allocated per row.
/// </summary>
internal static class RawRowWriter
{
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string table, ImportRows rows, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            Sqlite(sqlite, table, rows);
            return;
        }
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction)transaction)
        {
            DestinationTableName = table, BulkCopyTimeout = 0, EnableStreaming = true, BatchSize = ImportRows.BatchSize * 10,
        };
        foreach (var column in rows.Columns) bulk.ColumnMappings.Add(column.Name, column.Name);
        await bulk.WriteToServerAsync(rows, ct);
    }

    private static void Sqlite(SqliteConnection connection, string table, ImportRows rows)
    {
        var db = connection.Handle!;
        var columns = rows.Columns;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            Span<char> text = stackalloc char[40];
            var utf8 = new byte[1024];
            while (rows.Read())
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    ref readonly var v = ref rows.Value(i);
                    var p = i + 1;
                    var rc = v.IsNull ? raw.sqlite3_bind_null(statement, p) : columns[i].Kind switch
                    {
                        ValueKind.Integer or ValueKind.EpochMilliseconds => raw.sqlite3_bind_int64(statement, p, v.Integer),
                        ValueKind.Boolean => raw.sqlite3_bind_int(statement, p, v.Boolean ? 1 : 0),
                        // The SQLite model stores decimals as REAL, dates as yyyy-MM-dd and timestamps as UTC text.
                        ValueKind.Decimal => raw.sqlite3_bind_double(statement, p, (double)v.Decimal),
                        ValueKind.Date => raw.sqlite3_bind_text16(statement, p, Formatted(text, v.Date)),
                        ValueKind.Timestamp => raw.sqlite3_bind_text16(statement, p, text[..UtcTextConverter.Format(v.Timestamp, text)]),
                        _ => raw.sqlite3_bind_text(statement, p, Utf8(rows.Text(i), ref utf8)),
                    };
                    Check(db, rc);
                }
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(db, step);
                Check(db, raw.sqlite3_reset(statement));
            }
        }
    }

    /// <summary>The text as UTF-8 in a reused buffer: .NET's vectorized transcoding beats SQLite's own from UTF-16.</summary>
    private static ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> text, ref byte[] buffer)
    {
        if (buffer.Length < text.Length * 3) buffer = new byte[text.Length * 3];
        return buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer));
    }

    private static ReadOnlySpan<char> Formatted(Span<char> buffer, DateOnly date)
    {
        date.TryFormat(buffer, out var n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return buffer[..n];
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
    }
}
