using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.SqlServer;

/// <summary>A runtime principal without DDL rights (Database:ApplySchemaAtStart false) checks the schema instead of changing it.</summary>
public class SchemaAtStartTests
{
    [Fact]
    public async Task A_database_missing_migrations_fails_the_check_naming_them_and_the_script_to_run()
    {
        var folder = Directory.CreateTempSubdirectory("pylon-schema-").FullName;
        try
        {
            var options = DatabaseOptions.ForSqliteFile(Path.Combine(folder, "portal.db"));
            await using var context = PortalDatabase.CreateContext(options);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalDatabase.RequireCurrentSchemaAsync(context));
            Assert.Contains("_Initial", error.Message, StringComparison.Ordinal);
            Assert.Contains("db/sqlserver/portal-schema.sql", error.Message, StringComparison.Ordinal);

            await PortalDatabase.MigrateAsync(context);
            await PortalDatabase.RequireCurrentSchemaAsync(context);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
