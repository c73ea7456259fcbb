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
    public async Task The_generated_scripts_parse_as_a_whole()
    {
        foreach (var (name, text) in await SqlServerScripts.GenerateAsync())
            AssertParses(text, name);
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

    private static void AssertParses(string sql, string what)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0,
            $"{what}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{sql}");
    }
}
