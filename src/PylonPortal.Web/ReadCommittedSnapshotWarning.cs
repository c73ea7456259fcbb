using PylonPortal.Analytics.Database;

namespace PylonPortal.Web;

/// <summary>
/// What the pipeline page says about READ_COMMITTED_SNAPSHOT (the start log and /healthz say it too): on SQL Server
/// with the setting off, the sentence an operator needs, since every page then waits for a running build's locks.
/// </summary>
public sealed class ReadCommittedSnapshotWarning(PortalDbFactory databases)
{
    /// <summary>The warning, or null when the setting is on, and on SQLite (which is not asked).</summary>
    public async Task<string?> ReadAsync(CancellationToken ct = default)
    {
        await using var db = databases.Create();
        return await SqlServerSettings.ReadCommittedSnapshotAsync(db, ct) == false ? SqlServerSettings.ReadCommittedSnapshotOff : null;
    }
}
