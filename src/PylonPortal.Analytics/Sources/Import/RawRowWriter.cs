using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;

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
        var columns = rows.Columns;
        using var statement = SqliteStatement.Insert(connection, table, columns.Select(c => c.Name));
        Span<char> text = stackalloc char[UtcTextConverter.MaxLength];
        while (rows.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                ref readonly var v = ref rows.Value(i);
                var p = i + 1;
                if (v.IsNull) { statement.BindNull(p); continue; }
                switch (columns[i].Kind)
                {
                    case ValueKind.Integer or ValueKind.EpochMilliseconds: statement.Bind(p, v.Integer); break;
                    case ValueKind.Boolean: statement.Bind(p, v.Boolean); break;
                    // The SQLite model stores decimals as REAL, dates as yyyy-MM-dd and timestamps as UTC text.
                    case ValueKind.Decimal: statement.Bind(p, (double)v.Decimal); break;
                    case ValueKind.Date: statement.Bind(p, v.Date); break;
                    case ValueKind.Timestamp: statement.Bind(p, text[..UtcTextConverter.Format(v.Timestamp, text)]); break;
                    default: statement.Bind(p, rows.Text(i)); break;
                }
            }
            statement.Execute();
        }
    }
}
