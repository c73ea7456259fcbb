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

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, SqlServerSettings.ReadCommittedSnapshotOff)]
    public async Task The_pipeline_pages_warning_is_the_operators_sentence_when_READ_COMMITTED_SNAPSHOT_is_off(bool on, string? expected)
    {
        var connection = new OfflineSqlServerConnection { AnswerWithSampleRow = true, SampleBoolean = on };
        var warning = new ReadCommittedSnapshotWarning(new PortalDbFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, () => connection));

        Assert.Equal(expected, await warning.ReadAsync());
        Assert.Single(connection.Statements, s => s.Sql.Contains("is_read_committed_snapshot_on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_SQLite_there_is_no_warning()
    {
        await using var database = await Shared.ScratchDatabase.CreateAsync();

        Assert.Null(await new ReadCommittedSnapshotWarning(database.Factory).ReadAsync());
    }
}
