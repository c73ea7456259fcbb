using PylonPortal.Analytics.Marts.AiAdoption;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Tests.Demo;

public class DemoDataTests
{
    /// <summary>A Wednesday, noon UTC: "today" has events up to noon.</summary>
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly DemoDataOptions Small = new(Orgs: 20, Days: 60);

    [Fact]
    public async Task Same_seed_and_clock_give_identical_rows_and_another_seed_does_not()
    {
        await using var first = await GenerateAsync(Small);
        await using var second = await GenerateAsync(Small);
        await using var other = await GenerateAsync(Small with { Seed = 7 });

        foreach (var table in RawTables.All)
        {
            var expected = await SnapshotAsync(first, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await SnapshotAsync(second, table));
        }
        Assert.NotEqual(await SnapshotAsync(first, RawTables.ProductEvents), await SnapshotAsync(other, RawTables.ProductEvents));
    }

    [Fact]
    public async Task The_summary_counts_the_rows_written()
    {
        await using var db = await TestDatabase.CreateAsync(Now);
        var reports = new List<string>();
        var summary = await new DemoDataGenerator(db.Factory, db.Clock).GenerateAsync(Small, new SynchronousProgress(reports.Add));

        await using var context = db.Factory.Create();
        Assert.Equal(await context.RawOrganizations.LongCountAsync(), summary.Organizations);
        Assert.Equal(await context.RawUsers.LongCountAsync(), summary.Users);
        Assert.Equal(await context.RawProductEvents.LongCountAsync(), summary.Events);
        Assert.Equal(await context.RawIssues.LongCountAsync(), summary.Issues);
        Assert.Equal(await context.RawAccounts.LongCountAsync(), summary.Accounts);
        Assert.Contains(reports, r => r.StartsWith("product_events ", StringComparison.Ordinal) && r.Contains(" / ~", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_small_generation_contains_every_case_the_contract_names()
    {
        await using var db = await GenerateAsync(Small);
        var data = await RawData.ReadAsync(db);
        var firstDate = Today.AddDays(1 - Small.Days);

        // Events: every category, and the names the seed's LIKE '%ai_%' misclassified.
        var names = data.Events.Select(e => e.Event).OfType<string>().ToHashSet();
        Assert.Equal(
            [EventClassifier.AiFeatures, EventClassifier.FrontendNavigation, EventClassifier.IssueManagement, EventClassifier.KnowledgeBase, EventClassifier.Other],
            names.Select(EventClassifier.Classify).Distinct().Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string>
        {
            "issue:created", "issue:assigned", "issue:resolved", "issue:commented", "ai:summary_generated", "ai_assist:reply_suggested",
            "$ai_generation", "frontend:ai_panel_opened", "frontend:page_viewed", "frontend:email_composer_opened", "frontend:inbox_filtered",
            "knowledge_base:article_viewed", "knowledge_base:article_maintained", "account:training_completed", "account:detail_viewed",
            "settings:updated", "issue:auto_closed", "ai:auto_triage",
        }, names);

        // Who sent them: system-level org- events, one org known only from them, users without an org, strangers.
        var system = data.Events.Where(e => e.DistinctId?.StartsWith("org-", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(system, e => data.OrgIds.Contains(e.DistinctId![4..]));
        Assert.Contains(system, e => !data.OrgIds.Contains(e.DistinctId![4..]));
        var orgless = data.CurrentUsers.Values.Where(u => u.OrganizationId is null).Select(u => u.Id).ToHashSet();
        Assert.Contains(data.Events, e => e.DistinctId is { } id && orgless.Contains(id));
        Assert.Contains(data.Events, e => e.DistinctId is { } id && !id.StartsWith("org-", StringComparison.Ordinal) && !data.CurrentUsers.ContainsKey(id));

        // A user who moved: re-extracted later with another organization_id.
        Assert.Contains(data.Users.GroupBy(u => u.Id), rows =>
            rows.OrderBy(r => r.AirbyteExtractedAt).Select(r => r.OrganizationId).Distinct().Count() > 1);

        // Airbyte: the same uuid re-extracted later (sometimes renamed), changes, late arrivals, broken rows.
        var duplicates = data.Events.Where(e => e.Uuid is not null).GroupBy(e => e.Uuid).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, g => Assert.Equal(g.Count(), g.Select(e => e.AirbyteExtractedAt).Distinct().Count()));
        Assert.Contains(duplicates, g => g.Select(e => e.Event).Distinct().Count() > 1);
        Assert.Contains(data.Events, e => e.AirbyteMeta!.Contains("\"TRUNCATED\"", StringComparison.Ordinal));
        Assert.Contains(data.Events, e => e.AirbyteMeta!.Contains("\"NULLED\"", StringComparison.Ordinal));
        Assert.Contains(data.Events, e => e.Timestamp is { } ts && e.AirbyteExtractedAt - ts.ToUnixTimeMilliseconds() > TimeSpan.FromDays(2).TotalMilliseconds);
        Assert.Contains(data.Events, e => e.Event is null);
        Assert.Contains(data.Events, e => e.DistinctId is null);
        Assert.Contains(data.Events, e => e.Timestamp is null);
        Assert.All(data.Events, e => Assert.True(e.Timestamp is null || e.AirbyteExtractedAt >= e.Timestamp.Value.ToUnixTimeMilliseconds()));

        // The window ends today, never after now.
        var timestamps = data.Events.Where(e => e.Timestamp is not null).Select(e => e.Timestamp!.Value).ToList();
        Assert.Equal(Today, DateOnly.FromDateTime(timestamps.Max().UtcDateTime));
        Assert.Equal(firstDate, DateOnly.FromDateTime(timestamps.Min().UtcDateTime));
        Assert.True(timestamps.Max() <= Now);
        Assert.True(data.Events.Max(e => e.AirbyteExtractedAt) <= Now.ToUnixTimeMilliseconds());

        // Organizations: one signed up inside the window.
        Assert.Contains(data.Orgs, o => DateOnly.FromDateTime(o.CreatedAt!.Value.UtcDateTime) >= firstDate);

        // Salesforce: a deleted account with a higher ARR than the live one, two live accounts, renewals past, unknown and future.
        var live = data.CurrentAccounts.Where(a => a.IsDeleted == false).ToList();
        var deleted = data.CurrentAccounts.Where(a => a.IsDeleted == true).ToList();
        Assert.Contains(deleted, d => live.Any(l => l.PylonOrganizationIdC == d.PylonOrganizationIdC && l.CurrentArrC < d.CurrentArrC));
        Assert.Contains(live.GroupBy(a => a.PylonOrganizationIdC), g => g.Count() == 2);
        Assert.Contains(data.OrgIds, id => !live.Any(a => a.PylonOrganizationIdC == id));
        Assert.Contains(live, a => a.RenewalDateC < Today);
        Assert.Contains(live, a => a.RenewalDateC is null);
        Assert.Contains(live, a => a.RenewalDateC > Today);
        Assert.Contains(live, a => a.CurrentArrC is null);
        Assert.Contains(live, a => a.CurrentArrC == 0);
        Assert.Contains(live, a => a.OwnerEmailC == "dev@localhost");

        // A paying customer whose usage stopped: events before, none in its last 30 days.
        var lastEventDate = data.LastEventDateByOrg();
        Assert.Contains(live.Where(a => a.CurrentArrC > 0), a =>
            lastEventDate.TryGetValue(a.PylonOrganizationIdC!, out var last) && last < Today.AddDays(-29));

        // Support issues: urgent ones, ratings out of range, resolved after created.
        Assert.Contains(data.Issues, i => i.Priority == "urgent");
        Assert.Contains(data.Issues, i => i.CsatScore is 0);
        Assert.Contains(data.Issues, i => i.CsatScore is 7);
        Assert.Contains(data.Issues, i => i.CsatScore is >= 1 and <= 5);
        Assert.All(data.Issues, i => Assert.True(i.ResolvedAt is null || i.ResolvedAt > i.CreatedAt));
    }

    [Fact]
    public async Task The_build_succeeds_on_demo_data_and_the_cast_fills_the_quadrants()
    {
        // Smaller than the other tests' data: a build is much slower per row than generation.
        await using var db = await GenerateAsync(new DemoDataOptions(Orgs: 12, Days: 30));

        var result = await db.BuildAsync();

        Assert.All(result.Checks, c => Assert.True(c.Status == CheckStatus.Pass, $"{c.Name}: {c.FailingRows} rows, e.g. {c.Example}"));
        await using var context = db.Factory.Create();
        Assert.True(await context.OrgDailyActivity.AnyAsync(d => d.ActivityDate == Today));
        var quadrants = await context.AiAdoption.Where(a => a.AsOfDate == Today).Select(a => a.ArrAiQuadrant).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { AiAdoptionScore.Target, AiAdoptionScore.Risk, AiAdoptionScore.QuickWins }, quadrants.ToHashSet());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2_000)]
    public void Every_customer_has_its_own_name_and_none_reads_as_a_numbered_copy(int orgs)
    {
        var company = DemoCompany.Create(new DemoWindow(Now, 30), orgs, seed: 42);
        var names = company.Orgs.Select(o => o.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names, n => char.IsDigit(n[^1]));
        // At the portal's default size no first word repeats more than twice ("Tidal Labs", "Tidal Bank", "Tidal Foods"... reads as one group).
        if (orgs == 200) Assert.All(names.GroupBy(n => n.Split(' ')[0]), g => Assert.InRange(g.Count(), 1, 2));
    }

    private static async Task<TestDatabase> GenerateAsync(DemoDataOptions options)
    {
        var db = await TestDatabase.CreateAsync(Now);
        await new DemoDataGenerator(db.Factory, db.Clock).GenerateAsync(options);
        return db;
    }

    /// <summary>Every stored value of every row, in insertion order, as SQLite holds it.</summary>
    private static async Task<List<string>> SnapshotAsync(TestDatabase db, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={db.Path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join('\u001f', values.Select(v => v is DBNull ? "<null>" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    /// <summary>The raw tables in memory (a small generation), with the latest row of each key where the contract dedupes.</summary>
    private sealed record RawData(
        List<RawProductEvent> Events, List<RawPylonUser> Users, List<RawPylonOrganization> Orgs,
        List<RawPylonIssue> Issues, List<RawSalesforceAccount> Accounts)
    {
        public HashSet<string> OrgIds { get; } = [.. Orgs.Select(o => o.Id!)];
        public Dictionary<string, RawPylonUser> CurrentUsers { get; } = Latest(Users, u => u.Id!).ToDictionary(u => u.Id!);
        public List<RawSalesforceAccount> CurrentAccounts { get; } = [.. Latest(Accounts, a => a.Id!)];

        public static async Task<RawData> ReadAsync(TestDatabase db) => new(
            await db.ReadAsync(c => c.RawProductEvents.AsNoTracking()), await db.ReadAsync(c => c.RawUsers.AsNoTracking()),
            await db.ReadAsync(c => c.RawOrganizations.AsNoTracking()), await db.ReadAsync(c => c.RawIssues.AsNoTracking()),
            await db.ReadAsync(c => c.RawAccounts.AsNoTracking()));

        /// <summary>The UTC date of each org's last valid event: org-X for X, a user id for the user's current org.</summary>
        public Dictionary<string, DateOnly> LastEventDateByOrg() =>
            Events.Where(e => e.Event is not null && e.DistinctId is not null && e.Timestamp is not null)
                .Select(e => (Org: e.DistinctId!.StartsWith("org-", StringComparison.Ordinal) ? e.DistinctId[4..]
                    : CurrentUsers.GetValueOrDefault(e.DistinctId)?.OrganizationId, Date: DateOnly.FromDateTime(e.Timestamp!.Value.UtcDateTime)))
                .Where(x => x.Org is not null)
                .GroupBy(x => x.Org!)
                .ToDictionary(g => g.Key, g => g.Max(x => x.Date));

        private static IEnumerable<T> Latest<T>(IEnumerable<T> rows, Func<T, string> key) where T : AirbyteRecord =>
            rows.GroupBy(key, StringComparer.Ordinal).Select(g => g
                .OrderByDescending(r => r.AirbyteExtractedAt).ThenByDescending(r => r.AirbyteRawId, StringComparer.Ordinal).First());
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may report after the test ends).</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
