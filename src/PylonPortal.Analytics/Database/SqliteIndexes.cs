using LinqToDB;
using LinqToDB.Data;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// A full build's bulk load on SQLite: the table's secondary indexes are dropped before millions of rows are
/// inserted and created again afterwards, from their own definitions. SQLite updating two indexes row by row
/// costs several times building them once (measured: 28 s against 6 s for 2 million events). It runs inside
/// the build's transaction (SQLite's DDL is transactional), so a failed build gets its indexes back.
/// On SQL Server nothing is dropped: the runtime principal has no ALTER right, and SQL Server maintains the
/// indexes of a large INSERT ... SELECT with one sort per index anyway.
/// </summary>
public static class SqliteIndexes
{
    /// <summary>Drops the indexes of <typeparamref name="T"/>'s table and returns what re-creates them; nothing on SQL Server.</summary>
    public static async Task<IReadOnlyList<IndexDefinition>> DropAsync<T>(DataConnection db) where T : class
    {
        if (!db.DataProvider.Name.Contains(ProviderName.SQLite, StringComparison.OrdinalIgnoreCase)) return [];
        var table = db.GetTable<T>().TableName;
        var indexes = db.Query<IndexDefinition>(
            "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL",
            new DataParameter("table", table)).ToList();
        foreach (var index in indexes)
            await db.ExecuteAsync($"DROP INDEX \"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        return indexes;
    }

    public static async Task CreateAsync(DataConnection db, IEnumerable<IndexDefinition> definitions)
    {
        foreach (var index in definitions) await db.ExecuteAsync(index.Sql);
    }

    public sealed class IndexDefinition
    {
        public string Name { get; set; } = "";
        public string Sql { get; set; } = "";
    }
}
