using Microsoft.Extensions.Diagnostics.HealthChecks;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.SqlServer;

/// <summary>/healthz on SQL Server reports READ_COMMITTED_SNAPSHOT, read from the connected database's sys.databases row.</summary>
public class ReadCommittedSnapshotTests
{
    [Theory]
    [InlineData(true, HealthStatus.Healthy)]
    [InlineData(false, HealthStatus.Degraded)]
    public async Task Healthz_is_degraded_when_READ_COMMITTED_SNAPSHOT_is_off(bool on, HealthStatus expected)
    {
        var connection = new OfflineSqlServerConnection { AnswerWithSampleRow = true, SampleBoolean = on };
        var factory = new PortalDbFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, () => connection);

        var result = await new DatabaseHealthCheck(factory).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        if (!on) Assert.Contains("SET READ_COMMITTED_SNAPSHOT ON", result.Description, StringComparison.Ordinal);
        Assert.Contains(connection.Statements, s => s.Sql.Contains("is_read_committed_snapshot_on", StringComparison.Ordinal)
                                                    && s.Sql.Contains("DB_ID()", StringComparison.Ordinal));
    }
}
