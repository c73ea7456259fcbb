using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Microsoft.Data.Sqlite;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// Writes rows computed in .NET (the scored marts) inside the build's transaction, the fastest way each
/// engine offers: SQL Server's bulk copy (one stream rather than thousands of compiled multi-row INSERTs),
/// and on SQLite, which has no bulk protocol, one prepared INSERT executed per row on SQLite's own API
/// (<see cref="SqliteStatement"/>), synchronously: SQLite has no asynchronous I/O, so Microsoft.Data.Sqlite runs
/// the async methods synchronously and only adds a task per row (https://learn.microsoft.com/dotnet/standard/data/sqlite/async).
/// </summary>
public static class BulkInsert
{
    public static async Task<long> RowsAsync<T>(DataConnection db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        if (db.TryGetDbConnection() is not SqliteConnection sqlite)
            // SqlBulkCopy has a timeout of its own (30 s by default): the build's command timeout applies to it too.
            // Constraints checked and triggers fired: a bulk load that skips either needs ALTER on the table, which
            // the runtime principal does not have (https://learn.microsoft.com/sql/t-sql/statements/bulk-insert-transact-sql#permissions).
            // It runs on the build's connection and in its transaction (linq2db passes DataConnection.Transaction on).
            return (await db.BulkCopyAsync(new BulkCopyOptions
            {
                BulkCopyType = BulkCopyType.ProviderSpecific,
                BulkCopyTimeout = db.CommandTimeout >= 0 ? db.CommandTimeout : null,
                CheckConstraints = true,
                FireTriggers = true,
            }, rows, ct)).RowsCopied;

        Sqlite(sqlite, db.MappingSchema.GetEntityDescriptor(typeof(T)), rows, ct);
        return rows.Count;
    }

    private static void Sqlite<T>(SqliteConnection connection, EntityDescriptor entity, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var columns = entity.Columns.Where(c => !c.SkipOnInsert && !c.IsIdentity).ToArray();
        using var statement = SqliteStatement.Insert(connection, entity.Name.Name, columns.Select(c => c.ColumnName));
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Length; i++)
            {
                // The model's value converters have run: decimals are REAL, timestamps UTC text (ModelConventions).
                var p = i + 1;
                switch (columns[i].GetProviderValue(row))
                {
                    case null: statement.BindNull(p); break;
                    case string v: statement.Bind(p, v); break;
                    case int v: statement.Bind(p, v); break;
                    case long v: statement.Bind(p, v); break;
                    case bool v: statement.Bind(p, v); break;
                    case double v: statement.Bind(p, v); break;
                    case DateOnly v: statement.Bind(p, v); break;
                    case var v: throw new NotSupportedException($"{entity.Name.Name}.{columns[i].ColumnName}: no SQLite binding for {v.GetType().Name}.");
                }
            }
            statement.Execute();
        }
    }
}
