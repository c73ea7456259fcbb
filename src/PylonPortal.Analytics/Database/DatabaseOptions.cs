using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace PylonPortal.Analytics.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section plus <c>ConnectionStrings:Portal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite (the embedded default) or SqlServer (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. A relative SQLite file path is resolved against the repository root when the
    /// program runs from a clone (the folder holding PylonPortal.sln), else against the working directory.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/pylon-portal.db";

    /// <summary>
    /// Seconds a statement waits for a lock before it fails: a build waiting for another build to release the
    /// database lock gives up after it. SQLite: the busy timeout; SQL Server: SET LOCK_TIMEOUT (error 1222).
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SQL Server: seconds a page's (or any short) statement may run before it is cancelled. SqlClient's own
    /// default is 30 (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlcommand.commandtimeout).
    /// </summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SQL Server: seconds one statement of a build (or import, seed, checks) may run; 0, the default, is no
    /// limit. A full refresh of millions of events runs statements for minutes: under the 30-second default the
    /// first big one fails, no watermark is saved, and every retry is another full refresh.
    /// </summary>
    public int BuildCommandTimeoutSeconds { get; set; }

    /// <summary>
    /// Create and upgrade the schema at start: apply pending migrations and (SQL Server) create Quartz's tables.
    /// Needs CREATE TABLE and ALTER. In production the runtime principal has neither: set false, and the deployer
    /// runs db/sqlserver/portal-schema.sql and quartz-schema.sql (README, "SQL Server"). Then a start with pending
    /// migrations fails and says so.
    /// </summary>
    public bool ApplySchemaAtStart { get; set; } = true;

    /// <summary>
    /// The one binding of the <c>Database</c> section and <c>ConnectionStrings:Portal</c>: the analytics services
    /// and the portal's schedule share its result, so the connection string is worked out in one place.
    /// </summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString("Portal") ?? options.ConnectionString;
        if (options.Provider == DatabaseProvider.Sqlite)
            options.ConnectionString = ResolveSqliteFile(options.ConnectionString, RepositoryRoot(AppContext.BaseDirectory));
        return options;
    }

    /// <summary>A relative SQLite file becomes absolute under <paramref name="root"/> (null: the working directory).</summary>
    public static string ResolveSqliteFile(string connectionString, string? root)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (root is null || builder.DataSource is "" or ":memory:" || Path.IsPathRooted(builder.DataSource)
            || builder.Mode == SqliteOpenMode.Memory)
            return connectionString;
        builder.DataSource = Path.GetFullPath(Path.Combine(root, builder.DataSource));
        return builder.ToString();
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding PylonPortal.sln; null outside a clone (a deployment).</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PylonPortal.sln"))) return folder.FullName;
        return null;
    }

    public static DatabaseOptions ForSqliteFile(string path) =>
        new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
}
