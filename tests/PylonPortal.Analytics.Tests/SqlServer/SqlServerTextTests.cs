using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here (DESIGN section 1): the same code path that the other tests run on SQLite is
/// run against a SQL Server connection that records instead of sending, and every statement must be T-SQL
/// that ScriptDom parses with zero errors. db/sqlserver holds the result and must be current.
/// </summary>
public class SqlServerTextTests
{
    private static readonly string DbFolder = Path.Combine(Repository.Root, "db", "sqlserver");

    [Fact]
    public async Task Every_statement_of_a_build_and_of_the_checks_is_valid_TSql()
    {
        var statements = await SqlServerScripts.RecordAllAsync();

        Assert.True(statements.Count > 80, $"only {statements.Count} statements recorded");
        foreach (var statement in statements)
            AssertParses(statement.Batch, statement.Section);
        // Writes as well as reads: set-based inserts, deletes and updates of every kind the build uses.
        Assert.Contains(statements, s => s.Sql.Contains("INSERT INTO [marts].[fct_org_daily_activity]", StringComparison.Ordinal) && s.Sql.Contains("SELECT", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.Contains("INSERT INTO [marts].[fct_reference_readiness_30d]", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.TrimStart().StartsWith("DELETE", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Sql.Contains("COLLATE Latin1_General_100_BIN2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_statements_run_with_the_build_timeout_and_each_connection_sets_the_lock_timeout()
    {
        var statements = await SqlServerScripts.RecordAllAsync();

        // A build's statements run for minutes on production data: no 30-second SqlClient default (0 = no limit).
        // (SET LOCK_TIMEOUT itself returns at once: it keeps SqlClient's default.)
        Assert.All(statements.Where(s => !s.Sql.StartsWith("SET ", StringComparison.Ordinal)),
            s => Assert.True(s.CommandTimeout == 0, $"{s.CommandTimeout} s: {s.Section}\n{s.Sql}"));
        // Each connection's first statement sets the lock wait from Database:LockTimeoutSeconds (30 s), so a build
        // blocked by another fails with error 1222 instead of waiting forever.
        Assert.Equal("SET LOCK_TIMEOUT 30000", statements[0].Sql);
        Assert.Contains(statements.Skip(1), s => s.Sql == "SET LOCK_TIMEOUT 30000");
    }

    [Fact]
    public async Task Configured_timeouts_reach_every_EF_and_linq2db_statement_on_SQL_Server()
    {
        var connection = new OfflineSqlServerConnection();
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer, CommandTimeoutSeconds = 7, BuildCommandTimeoutSeconds = 3600, LockTimeoutSeconds = 5,
        };
        var factory = new PortalDbFactory(options, () => connection);
        await using (var page = factory.Create())
            await page.PipelineRuns.LongCountAsync();
        var pageStatements = connection.Statements.ToList();
        connection.Statements.Clear();
        await using (var context = factory.CreateForBuild())
        {
            await context.PipelineRuns.LongCountAsync();
            await using var db = context.Sql();
            _ = LinqToDB.DataExtensions.GetTable<PylonPortal.Analytics.Pipeline.PipelineRun>(db).LongCount();
        }

        Assert.Equal("SET LOCK_TIMEOUT 5000", pageStatements[0].Sql);
        Assert.Equal(7, Assert.Single(pageStatements.Skip(1)).CommandTimeout);
        var build = connection.Statements.Where(s => !s.Sql.StartsWith("SET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, build.Count);
        Assert.All(build, s => Assert.Equal(3600, s.CommandTimeout));
    }

    [Fact]
    public async Task JSON_functions_never_read_a_column_directly()
    {
        // Airbyte's MSSQL destination stores objects (_airbyte_meta, properties) as TEXT, and ISJSON, JSON_VALUE,
        // JSON_QUERY and OPENJSON take character strings only: the build casts to NVARCHAR(MAX) first.
        var bare = new List<string>();
        foreach (var statement in await SqlServerScripts.RecordAllAsync())
        {
            var visitor = new JsonCalls();
            Parse(statement.Batch).Accept(visitor);
            bare.AddRange(visitor.OnColumns.Select(c => $"{statement.Section}: {c}"));
        }
        Assert.True(bare.Count == 0, string.Join("\n", bare));
    }

    private sealed class JsonCalls : TSqlFragmentVisitor
    {
        private static readonly HashSet<string> Json = new(StringComparer.OrdinalIgnoreCase) { "ISJSON", "JSON_VALUE", "JSON_QUERY", "OPENJSON" };
        public List<string> OnColumns { get; } = [];

        public override void Visit(FunctionCall node)
        {
            if (Json.Contains(node.FunctionName.Value) && node.Parameters is [ColumnReferenceExpression column, ..])
                OnColumns.Add($"{node.FunctionName.Value}({string.Join(".", column.MultiPartIdentifier.Identifiers.Select(i => i.Value))})");
        }
    }

    [Fact]
    public async Task No_aggregate_has_a_subquery_in_its_argument()
    {
        // SQL Server refuses COUNT(IIF(x IN (SELECT ...), 1, NULL)) with error 130, where SQLite runs it
        // (https://learn.microsoft.com/previous-versions/sql/sql-server-2008-r2/bb510454(v=sql.105)).
        var found = (await SqlServerScripts.RecordAllAsync())
            .SelectMany(s => AggregatesWithSubqueries(s.Batch).Select(a => $"{s.Section}: {a}")).ToList();
        Assert.True(found.Count == 0, string.Join("\n\n", found));
    }

    [Fact]
    public void The_aggregate_check_finds_a_subquery_in_an_aggregate()
    {
        Assert.Equal(["COUNT"], AggregatesWithSubqueries("SELECT COUNT(IIF([a] IN (SELECT [b] FROM [t]), 1, NULL)), SUM([c]) FROM [u]"));
        Assert.Empty(AggregatesWithSubqueries("SELECT COUNT(*) FROM [u] WHERE [a] IN (SELECT [b] FROM [t])"));
    }

    private static List<string> AggregatesWithSubqueries(string batch) => Find<AggregateSubqueries>(batch);

    private sealed class AggregateSubqueries : Finder
    {
        private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase) { "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "AVG" };

        public override void Visit(FunctionCall node)
        {
            if (!Aggregates.Contains(node.FunctionName.Value)) return;
            var subqueries = new Subqueries();
            foreach (var parameter in node.Parameters) parameter.Accept(subqueries);
            if (subqueries.Any) Found.Add(node.FunctionName.Value);
        }

        private sealed class Subqueries : TSqlFragmentVisitor
        {
            public bool Any { get; private set; }
            public override void Visit(ScalarSubquery node) => Any = true;
        }
    }

    [Fact]
    public async Task Raw_JSON_columns_are_TEXT_as_Airbyte_writes_them_and_strings_NVARCHAR_MAX()
    {
        var raw = (await SqlServerScripts.GenerateAsync())[SqlServerScripts.RawTablesFile];
        Assert.Contains("[properties] text NULL", raw, StringComparison.Ordinal);
        Assert.Equal(5, raw.Split("[_airbyte_meta] text NULL").Length - 1);
        Assert.Contains("[event] nvarchar(max) NULL", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_build_or_check_statement_mixes_two_collations()
    {
        var check = Collations();
        var conflicts = (await SqlServerScripts.RecordAllAsync())
            .SelectMany(s => check.Conflicts(s.Batch).Select(c => $"{s.Section}: {c}")).ToList();
        Assert.True(conflicts.Count == 0, string.Join("\n\n", conflicts));
    }

    [Fact]
    public void The_collation_check_finds_a_raw_column_combined_with_a_portal_column()
    {
        // Airbyte's columns take the database default; the portal's are binary. COALESCE of the two is Msg 451.
        var conflicts = Collations().Conflicts(
            "SELECT COALESCE([s].[name], [r].[name]) FROM [pipeline].[stg_pylon_organizations] [s] " +
            "JOIN [airbyte].[pylon_organizations] [r] ON [r].[id] COLLATE Latin1_General_100_BIN2 = [s].[id] " +
            "WHERE [r].[domain] = [s].[domain]");
        Assert.Equal(2, conflicts.Count);
        Assert.Contains("COALESCE([s].[name], [r].[name])", conflicts[0], StringComparison.Ordinal);
        Assert.Contains("[r].[domain] = [s].[domain]", conflicts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_column_of_the_portals_own_tables_is_binary_on_SQL_Server()
    {
        using var context = SqlServerContext();
        var portalText = context.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .Where(e => e.GetSchema() is not (Schemas.Airbyte or Schemas.Salesforce))
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => (Column: $"{e.GetTableName()}.{p.GetColumnName()}", Collation: p.GetCollation())))
            .ToList();
        Assert.Contains(portalText, c => c.Column == "fct_reference_readiness_30d.account_segment");
        Assert.All(portalText, c => Assert.True(c.Collation == Schemas.BinaryCollation, $"{c.Column}: {c.Collation ?? "database default"}"));
    }

    private static PortalDbContext SqlServerContext() =>
        PortalDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, new OfflineSqlServerConnection());

    private static CollationCheck Collations()
    {
        using var context = SqlServerContext();
        return new CollationCheck(context);
    }

    [Fact]
    public async Task A_build_and_its_checks_send_no_DDL_and_no_TRUNCATE()
    {
        // The runtime principal (roles.sql) may read and write rows, nothing more: TRUNCATE needs ALTER, and
        // CREATE/ALTER/DROP need schema rights (https://learn.microsoft.com/sql/t-sql/statements/truncate-table-transact-sql#permissions).
        var other = new List<string>();
        foreach (var statement in await SqlServerScripts.RecordAllAsync())
        {
            var script = (TSqlScript)Parse(statement.Batch);
            other.AddRange(script.Batches.SelectMany(b => b.Statements)
                .Where(s => s is not (SelectStatement or InsertStatement or UpdateStatement or DeleteStatement or MergeStatement
                                     or DeclareVariableStatement or SetCommandStatement))
                .Select(s => $"{s.GetType().Name} in {statement.Section}: {statement.Sql[..Math.Min(200, statement.Sql.Length)]}"));
        }
        Assert.True(other.Count == 0, string.Join("\n", other));
    }

    [Fact]
    public async Task Only_the_exact_priority_urgent_is_urgent_on_SQL_Server_too()
    {
        // SQL Server's = finds 'urgent ' equal to 'urgent' even under BIN2 (SQLite's does not): the build also asks
        // for the length, measured as LEN(x + '.') - 1 since LEN ignores trailing spaces too.
        var urgent = (await SqlServerScripts.RecordAllAsync()).Where(s => s.Sql.Contains("N'urgent'", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(urgent);
        Assert.All(urgent, s =>
        {
            var length = System.Text.RegularExpressions.Regex.Match(s.Sql, @"= N'urgent' AND \[x\]\.\[(\w+)\] = 6");
            Assert.True(length.Success, s.Sql);
            Assert.Contains($"LEN([r].[priority] + N'.') - 1 as [{length.Groups[1].Value}]", s.Sql, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Seed_validation_checks_org_id_IS_NULL_as_the_seed_does()
    {
        // Not folded to WHERE 1 = 0 because the model declares org_id NOT NULL: the check must check.
        var seed = (await SqlServerScripts.GenerateAsync())[SqlServerScripts.SeedValidationFile];
        Assert.Contains("[d].[org_id] IS NULL", seed, StringComparison.Ordinal);
        Assert.DoesNotContain("1 = 0", seed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_scripts_parse_as_a_whole()
    {
        foreach (var (name, text) in await SqlServerScripts.GenerateAsync())
            AssertParses(text, name);
    }

    [Fact]
    public async Task Migrations_read_and_write_rows_only_through_EXEC()
    {
        // The schema script applies a migration as one batch, and SQL Server compiles a batch before it runs: an
        // UPDATE of a column the same migration adds fails with error 207, "Invalid column name", and so does an
        // idempotent re-run once the column is gone (https://github.com/dotnet/efcore/issues/12911). EXEC compiles
        // its text only when it runs.
        var schema = (await SqlServerScripts.GenerateAsync())["portal-schema.sql"];
        Assert.Empty(RowStatementsOutsideExec(schema));
    }

    [Fact]
    public void The_EXEC_check_finds_an_UPDATE_and_an_INSERT_SELECT_in_a_batch()
    {
        Assert.Equal(2, RowStatementsOutsideExec("UPDATE [t] SET [a] = 1; INSERT INTO [t] ([a]) SELECT [b] FROM [u]; DELETE FROM [t];").Count);
        Assert.Empty(RowStatementsOutsideExec("EXEC(N'UPDATE [t] SET [a] = 1'); INSERT INTO [h] ([id]) VALUES (N'x');"));
    }

    private static List<string> RowStatementsOutsideExec(string batch) => Find<RowStatements>(batch);

    /// <summary>UPDATEs and INSERT ... SELECTs (DELETE FROM a table reads no column; INSERT ... VALUES is EF's history row).</summary>
    private sealed class RowStatements : Finder
    {
        public override void Visit(UpdateStatement node) => Found.Add($"UPDATE at line {node.StartLine}");

        public override void Visit(InsertStatement node)
        {
            if (node.InsertSpecification.InsertSource is SelectInsertSource) Found.Add($"INSERT ... SELECT at line {node.StartLine}");
        }
    }

    [Fact]
    public async Task Db_folder_is_current()
    {
        var generated = await SqlServerScripts.GenerateAsync();
        if (Environment.GetEnvironmentVariable("PYLON_UPDATE_DB") == "1")
            await SqlServerScripts.WriteAsync(DbFolder);
        foreach (var (name, text) in generated)
        {
            var path = Path.Combine(DbFolder, name);
            Assert.True(File.Exists(path), $"db/sqlserver/{name} is missing: run `dotnet run --project src/PylonPortal.Cli -- sql-scripts`.");
            Assert.True(text == await File.ReadAllTextAsync(path),
                $"db/sqlserver/{name} is stale: run `dotnet run --project src/PylonPortal.Cli -- sql-scripts` and commit the result.");
        }
    }

    /// <summary>A visitor that lists what it finds in a parsed batch.</summary>
    private abstract class Finder : TSqlFragmentVisitor
    {
        public List<string> Found { get; } = [];
    }

    private static List<string> Find<T>(string batch) where T : Finder, new()
    {
        var finder = new T();
        Parse(batch).Accept(finder);
        return finder.Found;
    }

    private static TSqlFragment Parse(string batch) => new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out _);

    private static void AssertParses(string sql, string what)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0,
            $"{what}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{sql}");
    }
}
