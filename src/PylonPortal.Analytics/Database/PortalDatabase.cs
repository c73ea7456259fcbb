using System.Data.Common;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.SqlServer;
using LinqToDB.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PylonPortal.Analytics.Database;

/// <summary>How the portal opens its database, for the app, the CLI and the tests alike.</summary>
public static class PortalDatabase
{
    static PortalDatabase() => LinqToDBForEFTools.Initialize();

    /// <summary>Options for the provider's context type (<see cref="SqlitePortalDbContext"/> or <see cref="SqlServerPortalDbContext"/>).</summary>
    public static DbContextOptions Options(DatabaseOptions database, DbConnection? connection = null)
    {
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => Configure(new DbContextOptionsBuilder<SqlitePortalDbContext>(), database, connection).Options,
            DatabaseProvider.SqlServer => Configure(new DbContextOptionsBuilder<SqlServerPortalDbContext>(), database, connection).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(database)),
        };
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions database, DbConnection? connection = null)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var cs = SqliteConnectionString(database);
            if (connection is null) builder.UseSqlite(cs); else builder.UseSqlite(connection);
            builder.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            if (connection is null) builder.UseSqlServer(database.ConnectionString); else builder.UseSqlServer(connection);
            // Tell linq2db the dialect instead of letting it connect to ask, so SQL Server text can be produced offline.
            builder.UseLinqToDB(b => b.AddCustomOptions(o =>
                o.UseSqlServer(SqlServerVersion.v2022, SqlServerProvider.MicrosoftDataSqlClient)));
        }
        return builder;
    }

    public static PortalDbContext CreateContext(DatabaseOptions database, DbConnection? connection = null) =>
        database.Provider == DatabaseProvider.Sqlite
            ? new SqlitePortalDbContext((DbContextOptions<SqlitePortalDbContext>)Options(database, connection))
            : new SqlServerPortalDbContext((DbContextOptions<SqlServerPortalDbContext>)Options(database, connection));

    /// <summary>A linq2db connection on the context's own connection and transaction: set-based statements for both providers.</summary>
    public static DataConnection Sql(this PortalDbContext context)
    {
        // The set-based work reads rows it never saves through EF. Tracked (linq2db attaches entities it reads
        // to a tracking context), a year of as-of keys would stay in memory for the whole build.
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context.CreateLinqToDBConnection();
    }

    /// <summary>
    /// Creates the database (SQLite: the file and its folder) and applies pending migrations. Only writes when
    /// something is pending, so starting the CLI or the portal while a build holds the lock does not wait on it.
    /// </summary>
    public static async Task MigrateAsync(PortalDbContext context, CancellationToken ct = default)
    {
        if (!context.IsSqlServer)
        {
            var path = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        if (!(await context.Database.GetPendingMigrationsAsync(ct)).Any()) return;
        await context.Database.MigrateAsync(ct);
        if (!context.IsSqlServer)
            // WAL lets the portal read while a build writes; it is a property of the file, set once.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private static string SqliteConnectionString(DatabaseOptions database)
    {
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString)
        {
            // Microsoft.Data.Sqlite retries a busy database for this long: how long a build waits for another.
            DefaultTimeout = database.LockTimeoutSeconds,
        };
        return builder.ToString();
    }

    /// <summary>
    /// Per-connection SQLite settings for builds of millions of rows: a 64 MB page cache, and sorts that spill
    /// to temporary files (not memory) so a build's memory stays flat however many events it sorts.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Run(connection);
            return Task.CompletedTask;
        }

        private static void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
