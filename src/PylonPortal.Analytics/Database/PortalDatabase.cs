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
    public static DbContextOptions Options(DatabaseOptions database, DbConnection? connection = null, bool build = false)
    {
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => Configure(new DbContextOptionsBuilder<SqlitePortalDbContext>(), database, connection, build).Options,
            DatabaseProvider.SqlServer => Configure(new DbContextOptionsBuilder<SqlServerPortalDbContext>(), database, connection, build).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(database)),
        };
    }

    /// <param name="build">Long work (a build): SQL Server statements get the build's command timeout, not the pages'.</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions database, DbConnection? connection = null, bool build = false)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var cs = SqliteConnectionString(database);
            if (connection is null) builder.UseSqlite(cs); else builder.UseSqlite(connection);
            builder.AddInterceptors(build ? SqliteConnectionSetup.ForBuilds : SqliteConnectionSetup.ForPages);
        }
        else
        {
            // SQLite's command timeout is its busy timeout (set from LockTimeoutSeconds above); SQL Server's cancels
            // a running statement, so builds and pages each get their own. Sql() hands it on to linq2db.
            var timeout = build ? database.BuildCommandTimeoutSeconds : database.CommandTimeoutSeconds;
            if (connection is null) builder.UseSqlServer(database.ConnectionString, o => o.CommandTimeout(timeout));
            else builder.UseSqlServer(connection, o => o.CommandTimeout(timeout));
            builder.AddInterceptors(new SqlServerLockTimeout(database.LockTimeoutSeconds));
            // Tell linq2db the dialect instead of letting it connect to ask, so SQL Server text can be produced offline.
            builder.UseLinqToDB(b => b.AddCustomOptions(o =>
                o.UseSqlServer(SqlServerVersion.v2022, SqlServerProvider.MicrosoftDataSqlClient)));
        }
        return builder;
    }

    public static PortalDbContext CreateContext(DatabaseOptions database, DbConnection? connection = null, bool build = false) =>
        database.Provider == DatabaseProvider.Sqlite
            ? new SqlitePortalDbContext((DbContextOptions<SqlitePortalDbContext>)Options(database, connection, build))
            : new SqlServerPortalDbContext((DbContextOptions<SqlServerPortalDbContext>)Options(database, connection, build));

    /// <summary>A linq2db connection on the context's own connection and transaction: set-based statements for both providers.</summary>
    public static DataConnection Sql(this PortalDbContext context)
    {
        // The set-based work reads rows it never saves through EF. Tracked (linq2db attaches entities it reads
        // to a tracking context), a year of as-of keys would stay in memory for the whole build.
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        // Opened through EF, so its interceptor sets the lock timeout, or SQLite's pragmas and functions (a connection
        // linq2db opens itself runs none).
        context.Database.OpenConnection();
        var db = context.CreateLinqToDBConnection();
        if (!context.IsSqlServer) return db;
        // linq2db's own default (-1) is the provider's 30 seconds: every linq2db statement gets the context's timeout.
        if (context.Database.GetCommandTimeout() is { } timeout) db.CommandTimeout = timeout;
        return db;
    }

    /// <summary>The page size of a database file the portal creates (SQLite ignores it on an existing file).</summary>
    public const int SqlitePageSize = 16384;

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
        if (!context.IsSqlServer)
            // A property of the file, taken only before its first table. A 2M-event first build took 54-57 s with
            // 16 KiB pages against 64-71 s with 4 KiB (3 Dec, interleaved): fewer, larger writes, a faster checkpoint.
            await context.Database.ExecuteSqlRawAsync($"PRAGMA page_size={SqlitePageSize};", ct);
        await context.Database.MigrateAsync(ct);
        if (!context.IsSqlServer)
            // WAL lets the portal read while a build writes; it is a property of the file, set once.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// For a principal that may not change the schema (Database:ApplySchemaAtStart false): fails, naming the
    /// migrations, when the database lacks any, instead of failing later on a missing table or column.
    /// </summary>
    public static async Task RequireCurrentSchemaAsync(PortalDbContext context, CancellationToken ct = default)
    {
        var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database lacks migrations {string.Join(", ", pending)} and Database:ApplySchemaAtStart is false: " +
                "have the deployer run db/sqlserver/portal-schema.sql (README, \"SQL Server\"), then start again.");
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
    /// SQL Server's lock wait, per connection: without SET LOCK_TIMEOUT a blocked statement waits forever (or until its
    /// command timeout), so a build waiting on another's lock would never see error 1222
    /// (https://learn.microsoft.com/sql/t-sql/statements/set-lock-timeout-transact-sql).
    /// </summary>
    private sealed class SqlServerLockTimeout(int seconds) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = Command(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            await using var command = Command(connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        private DbCommand Command(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = FormattableString.Invariant($"SET LOCK_TIMEOUT {seconds * 1000}");
            return command;
        }
    }

    /// <summary>The SQLite function that counts text in UTF-16 code units, as SQL Server's nvarchar does (<see cref="SqlFunctions.LongerThan"/>).</summary>
    public const string Utf16LengthFunction = "pylon_utf16_length";

    /// <summary>
    /// Per-connection SQLite settings, and the functions the build's SQL calls. Sorts spill to temporary files (not
    /// memory), so memory stays flat however many events a build sorts. Each setting is given on every open: a pooled
    /// connection keeps what its last user set.
    /// </summary>
    private sealed class SqliteConnectionSetup(string pragmas) : DbConnectionInterceptor
    {
        /// <summary>Pages: a 256 MB page cache, so repeated reads of the marts stay in memory.</summary>
        public static readonly SqliteConnectionSetup ForPages = new("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; PRAGMA threads=0;");

        /// <summary>
        /// Builds: a 20 MB page cache and one helper thread for sorts. SQLite cuts a sort into runs the size of the page
        /// cache, and the helper sorts each run while the statement reads on (https://sqlite.org/pragma.html#pragma_threads);
        /// with a cache larger than the sort, a CREATE INDEX or GROUP BY of 2M rows is one run on one core. A 2M-event
        /// first build: 27.1 / 26.2 / 27.1 s against 30.5 / 29.9 / 28.8 s with the 256 MB cache (4 Dec, interleaved), and
        /// a peak memory of 384 MB instead of 664 MB.
        /// </summary>
        public static readonly SqliteConnectionSetup ForBuilds = new("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-20000; PRAGMA threads=1;");

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Run(connection);
            return Task.CompletedTask;
        }

        private void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            ((SqliteConnection)connection).CreateFunction(Utf16LengthFunction, (string? text) => text?.Length, isDeterministic: true);
        }
    }
}
