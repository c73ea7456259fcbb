using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Web.Tests.Health;

/// <summary>A real SQLite file, migrated like production, holding hand-made mart rows: every expectation is visible in the test.</summary>
public sealed class ScoresDatabase : IAsyncDisposable
{
    private ScoresDatabase() => Factory = new PortalDbFactory(DatabaseOptions.ForSqliteFile(Path.Combine(Folder, "portal.db")));

    /// <summary>Deleted with the database: room for other files a test needs.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("pylon-scores-").FullName;

    public PortalDbFactory Factory { get; }

    public static async Task<ScoresDatabase> CreateAsync(params OrgAsOfRow[] rows)
    {
        var database = new ScoresDatabase();
        await using var db = database.Factory.Create();
        await PortalDatabase.MigrateAsync(db);
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>A readiness row; the band follows the health score as the mart computes it.</summary>
    public static ReferenceReadinessRow Readiness(string orgId, DateOnly asOf, decimal health, Action<ReferenceReadinessRow>? set = null)
    {
        var row = new ReferenceReadinessRow
        {
            OrgId = orgId,
            AsOfDate = asOf,
            OrgName = $"Org {orgId}",
            AccountSegment = "SMB",
            Industry = "Software",
            IsPayingCustomer = true,
            HealthScore = health,
            HealthBand = health >= 70 ? HealthScore.Healthy : health >= 40 ? HealthScore.Watch : HealthScore.AtRisk,
            ReferenceReadinessScore = health,
            LoadedAt = DateTimeOffset.UnixEpoch,
        };
        set?.Invoke(row);
        return row;
    }

    public static AiAdoptionRow AiAdoption(string orgId, DateOnly asOf, decimal score) => new()
    {
        OrgId = orgId,
        AsOfDate = asOf,
        OrgName = $"Org {orgId}",
        EffectiveAiAdoptionScore = score,
        ArrAiQuadrant = "Monitor",
        LoadedAt = DateTimeOffset.UnixEpoch,
    };

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }
}
