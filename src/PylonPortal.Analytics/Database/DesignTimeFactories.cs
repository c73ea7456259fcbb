using Microsoft.EntityFrameworkCore.Design;

namespace PylonPortal.Analytics.Database;

// Used by `dotnet ef migrations add` only: one factory per provider, each with its own migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)PortalDatabase.CreateContext(DatabaseOptions.ForSqliteFile("design-time.db"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        (SqlServerPortalDbContext)PortalDatabase.CreateContext(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=.;Database=PylonPortal;Integrated Security=True;TrustServerCertificate=True",
        });
}
