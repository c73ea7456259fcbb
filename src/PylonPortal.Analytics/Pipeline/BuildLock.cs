using LinqToDB;
using LinqToDB.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace PylonPortal.Analytics.Pipeline;

/// <summary>
/// Two builds never overlap, whoever starts them (schedule, portal, CLI, another host): a build's
/// transaction first updates the one row of <c>pipeline_lock</c> and holds that row lock until it
/// commits or rolls back. A killed build's transaction dies with its connection, so the lock frees itself.
/// </summary>
public static class BuildLock
{
    public const string Name = "build";

    public static async Task AcquireAsync(DataConnection db, long runId, TimeProvider clock, CancellationToken ct)
    {
        // Waits here while another build's transaction holds the row (SQLite: the database's write lock).
        var updated = await db.GetTable<PipelineLock>()
            .Where(l => l.Name == Name)
            .Set(l => l.RunId, runId)
            .UpdateAsync(ct);
        if (updated != 1)
            throw new InvalidOperationException("The pipeline_lock row is missing: apply the database migrations.");
        var acquiredAt = clock.GetUtcNow();
        await db.GetTable<PipelineLock>().Where(l => l.Name == Name).Set(l => l.AcquiredAt, acquiredAt).UpdateAsync(ct);
        await db.GetTable<PipelineRun>().Where(r => r.Id == runId).Set(r => r.LockAcquiredAt, acquiredAt).UpdateAsync(ct);
    }

    /// <summary>A statement gave up waiting for a lock another transaction (a build) holds.</summary>
    public static bool IsLockTimeout(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        SqlException s => s.Number is 1222 or -2,          // lock request time out, command timeout
        _ => ex.InnerException is { } inner && IsLockTimeout(inner),
    };
}

/// <summary>Another build holds the lock.</summary>
public sealed class BuildAlreadyRunningException(string message, Exception? inner = null) : Exception(message, inner);
