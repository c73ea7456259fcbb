using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Marts;

/// <summary>fct_org_daily_activity against a fixture computed by hand (DESIGN sections 3 and 4).</summary>
public class OrgDailyActivityTests
{
    private static async Task<TestDatabase> FixtureAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Org("o1", "Acme", "2022-01-01T00:00:00Z"), Org("o2", "Beta"));
        await db.InsertAsync(
            Account("A1", "o1", 60_000m, lastModified: "2024-01-01T00:00:00Z"),
            Account("A2", "o1", 60_000m, lastModified: "2024-02-01T00:00:00Z"),  // same ARR, modified later: wins
            Account("A3", "o1", null, lastModified: "2024-03-01T00:00:00Z"),     // NULL ARR sorts lowest
            Account("A0", "o1", 900_000m, deleted: true));                       // deleted: ignored despite the ARR
        await db.InsertAsync(
            User("u1", "o1"), User("u2", "o1"), User("u3", "o1"), User("u4", "o1"), User("u5", "o2"),
            User("u6", "o1"), User("u7", "o1"), User("u8", "o1"), User("u11", "o1"), User("u9", null));
        var n = 0;
        string Id() => $"e{++n}";
        await db.InsertAsync(
            // 2024-03-10, o1: a top-event tie, the LIKE-bug names, AI by token, one system-level event.
            Event(Id(), "issue:created", "u1", "2024-03-10T09:00:00Z"),
            Event(Id(), "issue:created", "u1", "2024-03-10T09:01:00Z"),
            Event(Id(), "issue:assigned", "u1", "2024-03-10T09:02:00Z"),
            Event(Id(), "issue:assigned", "u1", "2024-03-10T09:03:00Z"),
            Event(Id(), "frontend:email_composer_opened", "u2", "2024-03-10T10:00:00Z"),
            Event(Id(), "knowledge_base:article_maintained", "u2", "2024-03-10T10:01:00Z"),
            Event(Id(), "account:training_completed", "u2", "2024-03-10T10:02:00Z"),
            Event(Id(), "frontend:ai_panel_opened", "u3", "2024-03-10T11:00:00Z"),
            Event(Id(), "$ai_generation", "u3", "2024-03-10T11:01:00Z"),
            Event(Id(), "issue:auto_closed", "org-o1", "2024-03-10T12:00:00Z"),
            // 2024-03-11, o1: 9 user events over 8 users = 1.125, rounded half away from zero to 1.13.
            Event(Id(), "frontend:page_viewed", "u1", "2024-03-11T08:00:00Z"),
            Event(Id(), "frontend:page_viewed", "u1", "2024-03-11T08:01:00Z"),
            Event(Id(), "frontend:page_viewed", "u2", "2024-03-11T08:02:00Z"),
            Event(Id(), "frontend:page_viewed", "u3", "2024-03-11T08:03:00Z"),
            Event(Id(), "frontend:page_viewed", "u4", "2024-03-11T08:04:00Z"),
            Event(Id(), "frontend:page_viewed", "u6", "2024-03-11T08:05:00Z"),
            Event(Id(), "frontend:page_viewed", "u7", "2024-03-11T08:06:00Z"),
            Event(Id(), "frontend:page_viewed", "u8", "2024-03-11T08:07:00Z"),
            Event(Id(), "frontend:page_viewed", "u11", "2024-03-11T08:08:00Z"),
            // 2024-03-12, o1: system-level events only: no users, average 0.
            Event(Id(), "issue:auto_closed", "org-o1", "2024-03-12T01:00:00Z"),
            Event(Id(), "issue:auto_closed", "org-o1", "2024-03-12T02:00:00Z"),
            Event(Id(), "ai:auto_triage", "org-o1", "2024-03-12T03:00:00Z"),
            // 23:30 at -05:00 is 04:30 UTC the next day.
            Event(Id(), "issue:commented", "u1", "2024-03-12T23:30:00-05:00"),
            // Re-extracted with another name: the latest extraction wins.
            Event("dup1", "issue:created", "u1", "2024-03-14T10:00:00Z", extractedAt: At(1_000)),
            Event("dup1", "issue:resolved", "u1", "2024-03-14T10:00:00Z", extractedAt: At(2_000)),
            // Same extraction time: the larger _airbyte_raw_id wins.
            Event("dup2", "x:a", "u5", "2024-03-15T10:00:00Z", extractedAt: At(1_500), rawId: "r-b"),
            Event("dup2", "x:b", "u5", "2024-03-15T10:00:00Z", extractedAt: At(1_500), rawId: "r-a"),
            // The latest copy is invalid: rejected, and the older valid copy does not stand in.
            Event("inv1", "issue:created", "u1", "2024-03-16T10:00:00Z", extractedAt: At(1_000)),
            Event("inv1", null, "u1", "2024-03-16T10:00:00Z", extractedAt: At(2_000)),
            // Missing required fields: rejected.
            Event(null, "issue:created", "u1", "2024-03-10T10:00:00Z"),
            Event(Id(), "issue:created", null, "2024-03-10T10:00:00Z"),
            Event(Id(), "issue:created", "u1", null),
            // No org: a user without one, an unknown user, and "org-" alone.
            Event(Id(), "issue:created", "u9", "2024-03-10T10:00:00Z"),
            Event(Id(), "issue:created", "ghost", "2024-03-10T10:00:00Z"),
            Event(Id(), "issue:created", "org-", "2024-03-10T10:00:00Z"),
            // An org known only from its system-level events.
            Event(Id(), "ai:auto_triage", "org-o9", "2024-03-10T10:00:00Z"),
            // Case matters: "Org-o1" is a user id (unknown), not org o1.
            Event(Id(), "issue:created", "Org-o1", "2024-03-10T10:00:00Z"));
        return db;
    }

    [Fact]
    public async Task Every_column_matches_the_hand_computed_fixture()
    {
        await using var db = await FixtureAsync();
        var build = await db.BuildAsync();
        var rows = (await db.ReadAsync(c => c.OrgDailyActivity.AsNoTracking()))
            .ToDictionary(r => (r.OrgId, r.ActivityDate.ToString("yyyy-MM-dd")));

        Assert.Equal(
            new[] { ("o1", "2024-03-10"), ("o1", "2024-03-11"), ("o1", "2024-03-12"), ("o1", "2024-03-13"),
                    ("o1", "2024-03-14"), ("o2", "2024-03-15"), ("o9", "2024-03-10") }.Order(),
            rows.Keys.Order());

        var tenth = rows[("o1", "2024-03-10")];
        Assert.Equal("Acme", tenth.OrgName);
        Assert.Equal("o1.example.com", tenth.OrgDomain);
        Assert.Equal(Ts("2022-01-01T00:00:00Z"), tenth.OrgCreatedDate);
        Assert.Equal(10, tenth.TotalEventCount);
        Assert.Equal(3, tenth.UniqueUserCount);
        Assert.Equal(8, tenth.DistinctEventTypes);
        Assert.Equal(4, tenth.DistinctFeatureCategories);
        Assert.Equal("issue:assigned", tenth.TopEventType); // tie with issue:created at 2: ordinal order
        Assert.Equal(2, tenth.TopEventCount);
        Assert.Equal(3.00m, tenth.AvgEventsPerUser); // 9 user-level events / 3 users
        Assert.Equal(5, tenth.IssueEvents);
        Assert.Equal(2, tenth.AiEvents); // ai_panel_opened and $ai_generation; email/maintained/training are not AI
        Assert.Equal(1, tenth.FrontendEvents);
        Assert.Equal(1, tenth.KbEvents);
        Assert.Equal("AI Features, Frontend/Navigation, Issue Management, Knowledge Base", tenth.FeatureCategoriesUsed);
        Assert.Equal("A2 account", tenth.SalesforceAccountName);
        Assert.Equal("Software", tenth.Industry);
        Assert.Equal("Mid-Market", tenth.AccountSegment);
        Assert.Equal("Growth", tenth.SeatTier);
        Assert.Equal(60_000d, tenth.CurrentArr);
        Assert.Equal(600_000d, tenth.AnnualRevenue);
        Assert.True(tenth.IsPayingCustomer);
        Assert.Equal(db.Clock.GetUtcNow(), tenth.LoadedAt);

        var eleventh = rows[("o1", "2024-03-11")];
        Assert.Equal((9, 8, 1, 0, 9, "frontend:page_viewed", "Frontend/Navigation"),
            (eleventh.TotalEventCount, eleventh.UniqueUserCount, eleventh.DistinctEventTypes, eleventh.IssueEvents,
             eleventh.FrontendEvents, eleventh.TopEventType, eleventh.FeatureCategoriesUsed));
        Assert.Equal(1.13m, eleventh.AvgEventsPerUser);

        var systemOnly = rows[("o1", "2024-03-12")];
        Assert.Equal((3, 0, 0.00m, 2, 1, 2, "issue:auto_closed", 2),
            (systemOnly.TotalEventCount, systemOnly.UniqueUserCount, systemOnly.AvgEventsPerUser,
             systemOnly.IssueEvents, systemOnly.AiEvents, systemOnly.DistinctFeatureCategories,
             systemOnly.TopEventType, systemOnly.TopEventCount));
        Assert.Equal("AI Features, Issue Management", systemOnly.FeatureCategoriesUsed);

        var nextUtcDay = rows[("o1", "2024-03-13")];
        Assert.Equal((1, "issue:commented"), (nextUtcDay.TotalEventCount, nextUtcDay.TopEventType));

        var reExtracted = rows[("o1", "2024-03-14")];
        Assert.Equal((1, "issue:resolved"), (reExtracted.TotalEventCount, reExtracted.TopEventType));

        var tie = rows[("o2", "2024-03-15")];
        Assert.Equal((1, "x:a", 0, (string?)null), (tie.TotalEventCount, tie.TopEventType, tie.DistinctFeatureCategories, tie.FeatureCategoriesUsed));
        Assert.Equal(("Beta", (string?)null, (double?)null, false), (tie.OrgName, tie.SalesforceAccountName, tie.CurrentArr, tie.IsPayingCustomer));

        var unknownOrg = rows[("o9", "2024-03-10")];
        Assert.Equal(((string?)null, 1, 0, 1, "AI Features"),
            (unknownOrg.OrgName, unknownOrg.TotalEventCount, unknownOrg.UniqueUserCount, unknownOrg.AiEvents, unknownOrg.FeatureCategoriesUsed));
    }

    [Fact]
    public async Task The_run_log_counts_rejected_and_unattributed_events()
    {
        await using var db = await FixtureAsync();
        var build = await db.BuildAsync();
        var events = build.Steps.Single(s => s.Model == "stg_product_events");
        Assert.Equal(37, events.RowsRead);
        Assert.Equal(4, events.RowsRejected);      // NULL uuid, NULL distinct_id, NULL timestamp, invalid latest copy of inv1
        Assert.Equal(4, events.RowsUnattributed);  // u9 (no org), ghost, "org-", "Org-o1"
        Assert.All(build.Checks, c => Assert.True(c.Status == "pass" || c.Severity == "warning", $"{c.Name}: {c.Example}"));
    }
}
