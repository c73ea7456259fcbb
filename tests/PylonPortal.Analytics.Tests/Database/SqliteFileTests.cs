using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.Database;

/// <summary>What a database file the portal creates is like: pages sized for bulk writes, and WAL for reads during a build.</summary>
public class SqliteFileTests
{
    [Fact]
    public async Task A_new_database_file_has_16_KiB_pages_and_WAL()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        await connection.OpenAsync();

        Assert.Equal(16384L, await ScalarAsync(connection, "PRAGMA page_size"));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
