using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web;

/// <summary>/healthz: the database answers; degraded on SQL Server without READ_COMMITTED_SNAPSHOT (pages block on builds).</summary>
public sealed class DatabaseHealthCheck(PortalDbFactory databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = databases.Create();
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
            return await SqlServerSettings.ReadCommittedSnapshotAsync(db, ct) == false
                ? HealthCheckResult.Degraded(SqlServerSettings.ReadCommittedSnapshotOff)
                : HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
