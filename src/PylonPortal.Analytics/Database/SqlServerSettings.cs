using Microsoft.EntityFrameworkCore;

namespace PylonPortal.Analytics.Database;

/// <summary>The database settings the portal needs on SQL Server, checked at start and by /healthz.</summary>
public static class SqlServerSettings
{
    /// <summary>
    /// What to tell an operator when READ_COMMITTED_SNAPSHOT is off. Under plain READ COMMITTED every page waits for
    /// the rows a build has locked (its run row, the marts it rewrites) until the build commits; with row versioning
    /// readers see the last committed data instead (https://learn.microsoft.com/sql/t-sql/statements/alter-database-transact-sql-set-options#read_committed_snapshot--on--off-).
    /// SQL Server ships with it off; Azure SQL Database with it on.
    /// </summary>
    public const string ReadCommittedSnapshotOff =
        "READ_COMMITTED_SNAPSHOT is OFF: every page waits for a running build's locks until the build ends. " +
        "A DBA runs: ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;";

    /// <summary>Whether the database reads committed data through row versions; null on SQLite (WAL readers never wait).</summary>
    public static async Task<bool?> ReadCommittedSnapshotAsync(PortalDbContext context, CancellationToken ct = default)
    {
        if (!context.IsSqlServer) return null;
        // The connected database's row of sys.databases is visible to every user of it.
        return await context.Database
            .SqlQueryRaw<bool>("SELECT is_read_committed_snapshot_on AS [Value] FROM sys.databases WHERE database_id = DB_ID()")
            .SingleAsync(ct);
    }
}
