using PylonPortal.Analytics.Sources;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Pipeline;

/// <summary>
/// DESIGN section 1: a run reads only rows extracted since the last one, recomputes what they can change,
/// and the result equals a --full-refresh on the same data, every column but _loaded_at.
/// </summary>
public class IncrementalBuildTests
{
    private static readonly DateTimeOffset Today = new(2024, 3, 31, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Epoch ms of a sync some hours before "today".</summary>
    private static long Sync(int hoursAgo) => Today.AddHours(-hoursAgo).ToUnixTimeMilliseconds();

    private static AirbyteRecord[][] NamedBatches()
    {
        var first = new List<AirbyteRecord>
        {
            Org("o1", "Acme", "2023-01-01T00:00:00Z", Sync(100)), Org("o2", "Beta", "2024-02-20T00:00:00Z", Sync(100)),
            Org("o3", "Gamma", "2023-06-01T00:00:00Z", Sync(100)),
            User("u1", "o1", Sync(100)), User("u2", "o1", Sync(100)), User("u3", "o2", Sync(100)), User("u4", "o3", Sync(100)),
            Account("A1", "o1", 120_000m, renewal: "2024-05-01", extractedAt: Sync(100)),
            Account("A2", "o2", 40_000m, renewal: "2024-12-01", extractedAt: Sync(100)),
            Account("A3", "o3", 90_000m, renewal: "2024-04-15", extractedAt: Sync(100)),
            Issue("i1", "o1", "2024-03-20T10:00:00Z", "urgent", 2m, Sync(100)),
            Issue("i2", "o3", "2024-03-01T10:00:00Z", "low", 5m, Sync(100)),
        };
        var names = new[] { "issue:created", "ai:summary_generated", "frontend:page_viewed", "knowledge_base:article_viewed" };
        for (var day = 0; day < 75; day++)
        {
            var date = new DateTime(2024, 1, 10).AddDays(day);
            foreach (var (user, every) in new[] { ("u1", 1), ("u2", 2), ("u3", 3), ("u4", 5), ("org-o1", 7), ("org-o7", 11) })
                if (day % every == 0)
                    first.Add(Event($"b1-{user}-{day}", names[(day + user.Length) % names.Length], user,
                        $"{date:yyyy-MM-dd}T{8 + every:D2}:00:00Z", Sync(100)));
        }

        var second = new List<AirbyteRecord>
        {
            // Late events for old dates, and today's events.
            Event("late1", "ai:summary_generated", "u4", "2024-02-10T09:00:00Z", Sync(50)),
            Event("late2", "issue:created", "u3", "2024-01-15T09:00:00Z", Sync(50)),
            Event("new1", "issue:created", "u1", "2024-03-30T09:00:00Z", Sync(50)),
            // A uuid re-extracted with another date, another user's org, a missing field.
            Event("b1-u1-3", "issue:created", "u1", "2024-03-28T09:00:00Z", Sync(50)),
            Event("b1-u1-4", "issue:created", "u3", "2024-01-14T09:00:00Z", Sync(50)),
            Event("b1-u1-5", null, "u1", "2024-01-15T09:00:00Z", Sync(50)),
            // A user who moves to another org; an account whose ARR changes; one relinked to another org.
            User("u2", "o2", Sync(50)),
            Account("A1", "o1", 30_000m, renewal: "2024-05-01", extractedAt: Sync(50)),
            Account("A3", "o2", 90_000m, renewal: "2024-04-15", extractedAt: Sync(50)),
            // A new issue, a renamed org, a new org.
            Issue("i3", "o2", "2024-03-25T10:00:00Z", "high", 4m, Sync(50)),
            Org("o3", "Gamma Renamed", "2023-06-01T00:00:00Z", Sync(50)),
            Org("o4", "Delta", "2024-03-29T00:00:00Z", Sync(50)),
        };

        var third = new List<AirbyteRecord>
        {
            // The calendar grows by a day; a re-extraction inside the lookback; a row moved back to its old org.
            Event("new2", "frontend:ai_panel_opened", "u3", "2024-03-31T09:00:00Z", Sync(1)),
            Event("b1-u1-4", "issue:created", "u1", "2024-01-14T09:00:00Z", Sync(1)),
            Issue("i1", "o1", "2024-03-20T10:00:00Z", "urgent", 1m, Sync(1)),
            User("u5", "o4", Sync(1)),
            Event("new3", "issue:created", "u5", "2024-03-31T10:00:00Z", Sync(1)),
        };
        return [first.ToArray(), second.ToArray(), third.ToArray()];
    }

    [Fact]
    public async Task Batches_with_builds_in_between_equal_one_full_build()
    {
        await AssertIncrementalEqualsFullAsync(NamedBatches());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_batches_with_builds_in_between_equal_one_full_build(int seed)
    {
        await AssertIncrementalEqualsFullAsync(RandomBatches(seed));
    }

    [Fact]
    public async Task Building_twice_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(Today);
        foreach (var batch in NamedBatches()) await InsertAsync(db, batch);
        await db.BuildAsync();
        var before = await MartSnapshot.TakeAsync(db);

        var again = await db.BuildAsync();

        MartSnapshot.AssertEqual(before, await MartSnapshot.TakeAsync(db));
        Assert.Equal(0, again.Steps.Single(s => s.Model == "stg_product_events").RowsWritten);
        Assert.Equal(0, again.Steps.Single(s => s.Model == "fct_org_daily_activity").RowsWritten);
    }

    [Fact]
    public async Task A_full_refresh_equals_the_incremental_result()
    {
        await using var db = await TestDatabase.CreateAsync(Today);
        foreach (var batch in NamedBatches())
        {
            await InsertAsync(db, batch);
            await db.BuildAsync();
        }
        var incremental = await MartSnapshot.TakeAsync(db);

        await db.BuildAsync(fullRefresh: true);

        MartSnapshot.AssertEqual(incremental, await MartSnapshot.TakeAsync(db));
    }

    private static async Task AssertIncrementalEqualsFullAsync(AirbyteRecord[][] batches)
    {
        await using var incremental = await TestDatabase.CreateAsync(Today);
        await using var full = await TestDatabase.CreateAsync(Today);
        foreach (var batch in batches)
        {
            await InsertAsync(incremental, batch);
            await incremental.BuildAsync();
            await InsertAsync(full, batch);
        }
        await full.BuildAsync(fullRefresh: true);

        MartSnapshot.AssertEqual(await MartSnapshot.TakeAsync(full), await MartSnapshot.TakeAsync(incremental));
    }

    private static async Task InsertAsync(TestDatabase db, AirbyteRecord[] rows)
    {
        await db.InsertAsync(rows.OfType<RawProductEvent>().ToArray());
        await db.InsertAsync(rows.OfType<RawPylonUser>().ToArray());
        await db.InsertAsync(rows.OfType<RawPylonOrganization>().ToArray());
        await db.InsertAsync(rows.OfType<RawPylonIssue>().ToArray());
        await db.InsertAsync(rows.OfType<RawSalesforceAccount>().ToArray());
    }

    /// <summary>Random churn over five syncs: new, late and re-extracted events, moving users, changing accounts and issues.</summary>
    private static AirbyteRecord[][] RandomBatches(int seed)
    {
        var random = new Random(seed);
        var orgs = Enumerable.Range(1, 6).Select(i => $"o{i}").ToArray();
        var users = Enumerable.Range(1, 15).Select(i => $"u{i}").ToArray();
        var names = new[] { "issue:created", "issue:resolved", "ai:reply", "$ai_generation", "frontend:page_viewed", "knowledge_base:article_viewed", "settings:updated" };
        var uuids = new List<string>();
        string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
        string? OrgOrNone() => random.Next(10) == 0 ? null : Pick(orgs);
        var batches = new List<AirbyteRecord[]>();
        for (var b = 0; b < 5; b++)
        {
            var sync = Sync(200 - 40 * b);
            var lastDay = new DateTime(2024, 3, 20).AddDays(2 * b);
            var rows = new List<AirbyteRecord>();
            foreach (var org in orgs.Where(_ => b == 0 || random.Next(4) == 0))
                rows.Add(Org(org, $"{org} v{b}", random.Next(3) == 0 ? $"2024-02-{random.Next(1, 28):D2}T12:00:00Z" : "2023-01-01T00:00:00Z", sync));
            foreach (var user in users.Where(_ => b == 0 || random.Next(5) == 0))
                rows.Add(User(user, OrgOrNone(), sync));
            foreach (var org in orgs.Where(_ => b == 0 || random.Next(4) == 0))
                rows.Add(Account($"A-{org}-{random.Next(2)}", OrgOrNone(), random.Next(4) == 0 ? null : random.Next(0, 200) * 1_000m,
                    renewal: random.Next(4) == 0 ? null : $"2024-{random.Next(3, 12):D2}-15", deleted: random.Next(6) == 0, extractedAt: sync));
            for (var i = 0; i < 6; i++)
                rows.Add(Issue($"i{random.Next(20)}", Pick(orgs), $"{lastDay.AddDays(-random.Next(70)):yyyy-MM-dd}T10:00:00Z",
                    Pick(["low", "urgent", "Urgent"]), random.Next(3) == 0 ? null : random.Next(0, 7), sync));
            for (var i = 0; i < 150; i++)
            {
                var reExtract = uuids.Count > 0 && random.Next(6) == 0;
                var uuid = reExtract ? Pick(uuids) : $"r{b}-{i}";
                if (!reExtract) uuids.Add(uuid);
                var actor = random.Next(8) == 0 ? $"org-{Pick(orgs)}" : random.Next(30) == 0 ? "stranger" : Pick(users);
                var date = lastDay.AddDays(-(random.Next(8) == 0 ? random.Next(80) : random.Next(4)));
                rows.Add(Event(uuid, random.Next(40) == 0 ? null : Pick(names), actor, $"{date:yyyy-MM-dd}T{random.Next(24):D2}:30:00Z", sync));
            }
            batches.Add(rows.ToArray());
        }
        return batches.ToArray();
    }
}
