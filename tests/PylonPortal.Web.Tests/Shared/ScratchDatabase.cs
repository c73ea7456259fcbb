using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.Shared;

/// <summary>A real, migrated SQLite file per test (as production creates it) for components and queries that read the database.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pylon-web-db-").FullName;

    private ScratchDatabase()
    {
        Options = DatabaseOptions.ForSqliteFile(Path.Combine(_folder, "portal.db"));
        Factory = new PortalDbFactory(Options);
    }

    public DatabaseOptions Options { get; }
    public PortalDbFactory Factory { get; }

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var database = new ScratchDatabase();
        await using var context = database.Factory.Create();
        await PortalDatabase.MigrateAsync(context);
        return database;
    }

    /// <summary>Adds rows through EF and saves them.</summary>
    public async Task AddAsync(params object[] rows)
    {
        await using var context = Factory.Create();
        context.AddRange(rows);
        await context.SaveChangesAsync();
    }

    /// <summary>Adds raw Airbyte rows (keyless tables, so through linq2db rather than EF's change tracker).</summary>
    public async Task AddRawAsync<T>(params T[] rows) where T : AirbyteRecord
    {
        await using var context = Factory.Create();
        await using var db = context.Sql();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
