using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Staging;

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

    [Theory]
    [InlineData(typeof(IntOrgEventDaily))]
    [InlineData(typeof(IntOrgUserDaily))]
    [InlineData(typeof(StgUser))]
    public async Task Tables_read_by_key_are_their_primary_key_without_a_rowid_with_every_column_and_index_of_the_model(Type entity)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.Factory.Create();
        var table = context.Model.FindEntityType(entity)!;
        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        await connection.OpenAsync();

        var sql = (string?)await ScalarAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table.GetTableName()}'");
        Assert.EndsWith("WITHOUT ROWID", sql!.TrimEnd(';', ' '));
        var columns = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table.GetTableName()}') ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        Assert.Equal(table.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal), columns);
        foreach (var index in table.GetIndexes())
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{index.GetDatabaseName()}'"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
