using Microsoft.SqlServer.TransactSql.ScriptDom;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Tests.SqlServer;
using PylonPortal.Web.Components.Pages.Changes;
using PylonPortal.Web.Components.Pages.Health;
using PylonPortal.Web.Components.Pages.Orgs;
using PylonPortal.Web.Components.Pages.Overview;
using PylonPortal.Web.Components.Pages.Pipeline;
using PylonPortal.Web.Components.Pages.References;
using PylonPortal.Web.Components.Pages.Trends;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Tests.SqlServer;

/// <summary>
/// The pages read the marts with EF Core LINQ; the other tests run those loaders on SQLite. Here the same
/// loaders run on the SQL Server provider over a connection that records instead of sending (answering each
/// read with one sample row, so every loader goes all the way), and ScriptDom parses every statement.
/// </summary>
public class PageQueriesSqlServerTextTests
{
    private static readonly DateOnly Date = new(2026, 11, 1);

    private static readonly Dictionary<string, Func<PortalDbContext, Task>> Loaders = new()
    {
        ["overview"] = async db =>
        {
            await OverviewQueries.LoadAsync(db, OverviewFilter.None);
            await OverviewQueries.LoadAsync(db, new OverviewFilter("Enterprise", "Retail", "Growth", Date));
        },
        ["org"] = db => OrgQueries.LoadAsync(db, "org-1", 90, new ScoringOptions(), TimeProvider.System),
        ["health"] = async db =>
        {
            foreach (var column in Enum.GetValues<HealthColumn>())
                foreach (var descending in new[] { false, true })
                    await HealthQuery.PageAsync(db, new HealthRequest { SortBy = column, Descending = descending, Page = 2 });
            var filtered = new HealthRequest
            {
                AsOf = Date, Band = "At Risk", Segment = "Enterprise", MyAccounts = true, UserEmail = "csm@example.com", Search = "50%_off",
            };
            await HealthQuery.PageAsync(db, filtered);
            await foreach (var _ in HealthQuery.AllAsync(db, filtered)) { }
            await HealthQuery.ChoicesAsync(db, Date);
        },
        ["references"] = async db =>
        {
            foreach (var column in Enum.GetValues<ReferencesColumn>())
                foreach (var descending in new[] { false, true })
                    await ReferencesQuery.PageAsync(db, new ReferencesRequest { SortBy = column, Descending = descending, Page = 1 });
            var filtered = new ReferencesRequest { AsOf = Date, Segment = "Enterprise", Industry = "Retail", IncludeNonCandidates = true, MinReadiness = 70m };
            await ReferencesQuery.PageAsync(db, filtered);
            await foreach (var _ in ReferencesQuery.AllAsync(db, filtered)) { }
            await ReferencesQuery.ChoicesAsync(db, Date);
        },
        ["trends"] = async db =>
        {
            await TrendsQuery.LoadAsync(db, new TrendsFilter(null, TrendsFilter.DefaultWeeks));
            await TrendsQuery.LoadAsync(db, new TrendsFilter("Enterprise", 8));
            await TrendsQuery.SegmentsAsync(db);
        },
        ["pipeline"] = async db =>
        {
            await PipelineHistory.PageAsync(db, 1, 20);
            await PipelineHistory.RunningAsync(db, DateTimeOffset.UtcNow);
            await PipelineHistory.DetailAsync(db, 1);
        },
        ["app bar"] = db => DataStatus.LoadAsync(db, TimeProvider.System),
        ["my book"] = async db =>
        {
            await MyBookQuery.LoadAsync(db, "csm@example.com");
            await MyBookQuery.LoadAsync(db, null);
            await MyBookQuery.OwnersAsync(db);
        },
        ["changes"] = async db =>
        {
            await ChangesQuery.ChoicesAsync(db);
            var filtered = new ChangesRequest { Kind = ChangeKinds.HealthDrop, Owner = "csm@example.com", Segment = "Enterprise", MinArr = 50_000m };
            await (await ChangesQuery.FilteredAsync(db, filtered)).Take(ChangesQuery.PageLimit).ToListAsync();
        },
    };

    [Fact]
    public async Task Health_search_ignores_case_on_SQL_Server_as_on_SQLite()
    {
        // The portal's text is binary (case-sensitive) on SQL Server; SQLite's LIKE ignores ASCII case. The
        // search lowers the column so both engines find "ECHO" in "Echo Labs" (HealthQueryTests, on SQLite).
        var connection = new OfflineSqlServerConnection { AnswerWithSampleRow = true };
        await using (var db = PortalDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, connection))
            await HealthQuery.PageAsync(db, new HealthRequest { AsOf = Date, Search = "ECHO" });
        Assert.Contains(connection.Statements, s => s.Sql.Contains("LOWER([f].[org_name]) LIKE", StringComparison.Ordinal)
                                                    && s.Sql.Contains("LOWER([f].[salesforce_account_name]) LIKE", StringComparison.Ordinal));
    }

    /// <summary>The last tables each page reads: seeing them proves its loader went all the way.</summary>
    private static readonly Dictionary<string, string[]> LastTables = new()
    {
        ["overview"] = ["[marts].[fct_customer_ai_adoption_30d]", "[marts].[fct_reference_readiness_30d]"],
        ["org"] = ["[marts].[fct_org_daily_activity]", "[marts].[int_org_user_daily]", "[pipeline].[stg_pylon_issues]"],
        ["health"] = ["[marts].[fct_reference_readiness_30d]"],
        ["references"] = ["[marts].[fct_reference_readiness_30d]", "[marts].[fct_customer_ai_adoption_30d]"],
        ["trends"] = ["[marts].[int_segment_weekly_activity]", "[marts].[int_segment_event_daily]"],
        ["pipeline"] = ["[pipeline].[pipeline_run_steps]", "[pipeline].[pipeline_check_results]"],
        ["app bar"] = ["[marts].[fct_org_daily_activity]", "[pipeline].[pipeline_runs]"],
        ["my book"] = ["[marts].[fct_reference_readiness_30d]", "[portal].[score_change_runs]", "[portal].[score_changes]"],
        ["changes"] = ["[portal].[score_changes]"],
    };

    public static TheoryData<string> Pages => new(Loaders.Keys);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_statement_a_page_sends_to_SQL_Server_parses(string page)
    {
        var connection = new OfflineSqlServerConnection { AnswerWithSampleRow = true };
        var factory = new PortalDbFactory(
            new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = connection.ConnectionString, CommandTimeoutSeconds = 12 },
            () => connection);
        await using (var db = factory.Create())
            await Loaders[page](db);

        // Each time EF opens the connection it sets the lock wait first (a pooled connection comes back reset);
        // every query runs under the pages' short timeout.
        Assert.StartsWith("SET LOCK_TIMEOUT ", connection.Statements[0].Sql, StringComparison.Ordinal);
        var queries = connection.Statements.Where(s => !s.Sql.StartsWith("SET LOCK_TIMEOUT ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, s => Assert.Equal(12, s.CommandTimeout));
        foreach (var statement in connection.Statements)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement.Batch), out var errors);
            Assert.True(errors.Count == 0,
                $"{page}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{statement.Batch}");
        }
        // And SQL Server can run them: no expression mixes two collations (Msg 451/468, which a parser cannot see).
        CollationCheck collations;
        await using (var db = factory.Create()) collations = new CollationCheck(db);
        var conflicts = connection.Statements.SelectMany(s => collations.Conflicts(s.Batch)).Distinct().ToList();
        Assert.True(conflicts.Count == 0, $"{page}: " + string.Join("\n\n", conflicts));
        foreach (var table in LastTables[page])
            Assert.Contains(connection.Statements, s => s.Sql.Contains(table, StringComparison.Ordinal));
        // Every table by its SQL Server schema, as the migrations create it there.
        Assert.All(queries, s => Assert.Matches(@"\[(marts|pipeline|portal|airbyte|salesforce)\]\.\[", s.Sql));
    }
}
