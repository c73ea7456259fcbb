using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Tests.SqlServer;

/// <summary>
/// Rules SQL Server enforces that SQLite does not, enforced by the build on SQLite too, so the ordinary tests
/// see what production would: declared lengths in UTF-16 code units (SQL Server fails the statement, Msg 2628), trailing spaces
/// (SQL Server's = ignores them, even under a binary collation) and Airbyte's meta JSON.
/// </summary>
public class EngineAgreementTests
{
    private static readonly string LongId = new('x', 201);

    private static async Task<List<(string Model, string Reason, long Rows)>> RowIssuesAsync(TestDatabase db, BuildResult build) =>
        (await db.ReadAsync(c => c.PipelineRowIssues.Where(i => i.RunId == build.RunId))).Select(i => (i.Model, i.Reason, i.Rows)).ToList();

    [Fact]
    public async Task Over_long_keys_and_names_and_keys_ending_with_a_space_are_rejected_and_counted_not_staged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Raw.Org("o1"), Raw.Org(LongId), Raw.Org("o1 "));
        var longName = Raw.User("u2", "o1");
        longName.Name = new string('n', 401);
        await db.InsertAsync(Raw.User("u1", "o1"), longName, Raw.User("u3 ", "o1"));

        var build = await db.BuildAsync();

        Assert.Equal(["o1"], (await db.ReadAsync(c => c.StgOrganizations.Select(o => o.Id))).Order());
        Assert.Equal(["u1"], (await db.ReadAsync(c => c.StgUsers.Select(u => u.Id))).Order());
        var issues = await RowIssuesAsync(db, build);
        Assert.Contains(("stg_pylon_organizations", RejectReasons.TooLong + "id", 1L), issues);
        Assert.Contains(("stg_pylon_organizations", RejectReasons.TrailingSpace + "id", 1L), issues);
        Assert.Contains(("stg_pylon_users", RejectReasons.TooLong + "name", 1L), issues);
        Assert.Contains(("stg_pylon_users", RejectReasons.TrailingSpace + "id", 1L), issues);
    }

    [Fact]
    public async Task Lengths_count_utf16_code_units_as_nvarchar_does_so_an_emoji_counts_twice()
    {
        // 201 emoji are 201 code points (SQLite's length()) but 402 byte-pairs: too long for nvarchar(400).
        static string Emoji(int count) => string.Concat(Enumerable.Repeat("\U0001F600", count));
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Raw.Org("o1"), Raw.Org("o" + Emoji(100)));
        var fits = Raw.User("u1", "o1");
        fits.Name = Emoji(200);
        var tooLong = Raw.User("u2", "o1");
        tooLong.Name = Emoji(201);
        await db.InsertAsync(fits, tooLong);
        await db.InsertAsync(
            Raw.Event("e1", Emoji(200), "u1", "2024-03-01T10:00:00Z"),
            Raw.Event("e2", Emoji(201), "u1", "2024-03-01T10:00:00Z"),
            Raw.Event("e3", "login", "u1" + Emoji(100), "2024-03-01T10:00:00Z"),
            // 400 euro signs are 1,200 UTF-8 bytes but 400 code units: they fit.
            Raw.Event("e4", new string('€', 400), "u1", "2024-03-01T10:00:00Z"));

        var build = await db.BuildAsync();

        Assert.Equal(["o1"], await db.ReadAsync(c => c.StgOrganizations.Select(o => o.Id)));
        Assert.Equal(Emoji(200), Assert.Single(await db.ReadAsync(c => c.StgUsers)).Name);
        var events = await db.ReadAsync(c => c.StgProductEvents.Where(e => e.RejectReason == null)
            .Join(c.EventClassifications, e => e.EventId, n => (int?)n.Id, (e, n) => n.Event));
        Assert.Equal([new string('€', 400), Emoji(200)], events.Order(StringComparer.Ordinal));
        var issues = await RowIssuesAsync(db, build);
        Assert.Contains(("stg_pylon_organizations", RejectReasons.TooLong + "id", 1L), issues);
        Assert.Contains(("stg_pylon_users", RejectReasons.TooLong + "name", 1L), issues);
        Assert.Contains(("stg_product_events", RejectReasons.TooLong + "event", 1L), issues);
        Assert.Contains(("stg_product_events", RejectReasons.TooLong + "distinct_id", 1L), issues);
    }

    [Fact]
    public async Task Labels_are_staged_without_trailing_spaces_so_filters_and_groups_agree()
    {
        // SQL Server's = and GROUP BY see 'SMB ' as 'SMB'; SQLite's would make it a segment of its own.
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Raw.Org("o1"));
        var account = Raw.Account("a1", "o1", 1000m);
        account.SegmentC = "SMB ";
        account.Industry = "Retail" + new string(' ', 300); // judged as stored: it fits once trimmed
        account.SeatTierC = "Growth ";
        await db.InsertAsync(account);

        await db.BuildAsync();

        var staged = Assert.Single(await db.ReadAsync(c => c.StgAccounts));
        Assert.Equal(("SMB", "Retail", "Growth"), (staged.Segment, staged.Industry, staged.SeatTier));
    }

    [Fact]
    public async Task Airbyte_changes_ignore_whitespace_and_malformed_meta_is_counted_without_failing_the_build()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Raw.Org("o1"));
        await db.InsertAsync(Raw.User("u1", "o1"));
        await db.InsertAsync(
            Raw.Event("e1", "login", "u1", "2024-03-01T10:00:00Z", meta: "{\"sync_id\":1,\"changes\":[\n]}"),
            Raw.Event("e2", "login", "u1", "2024-03-01T10:00:00Z",
                meta: """{"sync_id":1,"changes":[{"field":"properties","change":"NULLED","reason":"DESTINATION_FIELD_SIZE_LIMITATION"}]}"""),
            Raw.Event("e3", "login", "u1", "2024-03-01T10:00:00Z", meta: "{\"sync_id\":1,\"changes\":[{\"field\""),
            Raw.Event("e4", "login", "u1", "2024-03-01T10:00:00Z", meta: """{"sync_id":1}"""));

        var build = await db.BuildAsync();

        // e2 (a change) and e3 (meta that is not JSON: nothing says the row is whole); not e1 or e4.
        var events = build.Steps.Single(s => s.Model == "stg_product_events");
        Assert.Equal(2, events.RowsWithAirbyteChanges);
        Assert.Equal(4, (await db.ReadAsync(c => c.StgProductEvents)).Count);
    }
}
