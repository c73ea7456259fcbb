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

    /// <summary>ADO.NET connection string; for SQLite a relative file path is resolved against the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/pylon-portal.db";

    /// <summary>Seconds a build waits for another build to release the database lock before giving up.</summary>
    public int LockTimeoutSeconds { get; set; } = 30;

    public static DatabaseOptions ForSqliteFile(string path) =>
        new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
}
