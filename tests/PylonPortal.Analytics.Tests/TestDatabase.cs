using LinqToDB.Data;
using Microsoft.Extensions.Time.Testing;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Tests;

/// <summary>A real SQLite file per test, migrated like production, with the real build service.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pylon-test-").FullName;

    public TestDatabase(DateTimeOffset? now = null)
    {
        Path = System.IO.Path.Combine(_folder, "portal.db");
        Options = DatabaseOptions.ForSqliteFile(Path);
        Options.LockTimeoutSeconds = 5;
        Factory = new PortalDbFactory(Options);
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 3, 31, 12, 0, 0, TimeSpan.Zero));
    }

    public string Path { get; }
    public DatabaseOptions Options { get; }
    public PortalDbFactory Factory { get; }
    public FakeTimeProvider Clock { get; }
    public ScoringOptions Scoring { get; set; } = new();
    public PipelineOptions Pipeline { get; } = new() { OrgsPerChunk = 3 };

    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null)
    {
        var db = new TestDatabase(now);
        await using var context = db.Factory.Create();
        await PortalDatabase.MigrateAsync(context);
        return db;
    }

    public BuildService Builds() => new(Factory, Pipeline, Scoring, Clock);

    public async Task<BuildResult> BuildAsync(bool fullRefresh = false, IBuildObserver? observer = null)
    {
        var result = await Builds().RunAsync(new BuildRequest(Triggers.Cli, fullRefresh), observer);
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    public async Task InsertAsync<T>(params T[] rows) where T : AirbyteRecord
    {
        await using var context = Factory.Create();
        await using var db = context.Sql();
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
    }

    public async Task<List<T>> ReadAsync<T>(Func<PortalDbContext, IQueryable<T>> query)
    {
        await using var context = Factory.Create();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query(context));
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }
}
