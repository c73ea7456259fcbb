using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Marts;

/// <summary>
/// fct_customer_ai_adoption_30d and fct_reference_readiness_30d against a fixture computed by hand
/// (DESIGN section 5): the windows, the spine, and every component. W30 of 2024-03-31 is [03-02, 03-31],
/// P30 is [02-01, 03-01] (2024 is a leap year); the dataset's first activity date is 2024-01-01.
/// </summary>
public class DerivedMartsTests
{
    private static async Task<TestDatabase> FixtureAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(
            Org("A", "Acme", "2023-01-01T00:00:00Z"),
            Org("B", "Beta", "2024-03-20T12:00:00Z"),     // created inside the window
            Org("C", "Cobalt", "2022-01-01T00:00:00Z"));  // paying, no usage for 30+ days
        await db.InsertAsync(User("a1", "A"), User("a2", "A"), User("a3", "A"), User("c1", "C"));
        await db.InsertAsync(
            Account("AA", "A", 100_000m, renewal: "2024-04-30"),
            Account("CC", "C", 300_000m, renewal: null));
        await db.InsertAsync(
            Issue("i1", "A", "2024-03-20T10:00:00Z", "urgent", 4m),
            Issue("i2", "A", "2024-03-25T10:00:00Z", "low", 2m),
            Issue("i3", "A", "2024-02-10T10:00:00Z", "low", 5m),   // before W30
            Issue("i4", "A", "2024-03-30T10:00:00Z", "high", 9m));  // out of range: no rating
        var events = new List<Sources.RawProductEvent>
        {
            Event("c-jan", "frontend:page_viewed", "c1", "2024-01-01T09:00:00Z"), // the first activity date
            Event("a-0130", "issue:created", "a1", "2024-01-30T09:00:00Z"),         // before P30 of 03-31
            Event("a-0131", "issue:created", "a1", "2024-01-31T09:00:00Z"),         // the day before P30 of 03-31
            Event("a2-0301", "ai:reply", "a2", "2024-03-01T09:00:00Z"),             // last day of P30
            Event("a2-0315", "ai:reply", "a2", "2024-03-15T09:00:00Z"),
            Event("a2-0331", "ai:reply", "a2", "2024-03-31T09:00:00Z"),
            Event("b-0325", "issue:auto_closed", "org-B", "2024-03-25T09:00:00Z"),
        };
        events.AddRange(Enumerable.Range(0, 10).Select(i => Event($"a-0215-{i}", "issue:created", "a1", "2024-02-15T09:00:00Z")));
        events.AddRange(Enumerable.Range(2, 30).Select(d => Event($"a-03{d:D2}", "issue:created", "a1", $"2024-03-{d:D2}T09:00:00Z")));
        await db.InsertAsync(events.ToArray());
        await db.BuildAsync();
        return db;
    }

    private static async Task<(AiAdoptionRow Ai, ReferenceReadinessRow Ready)> RowAsync(TestDatabase db, string org, string date)
    {
        var asOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var ai = (await db.ReadAsync(c => c.AiAdoption.AsNoTracking().Where(r => r.OrgId == org && r.AsOfDate == asOf))).Single();
        var ready = (await db.ReadAsync(c => c.ReferenceReadiness.AsNoTracking().Where(r => r.OrgId == org && r.AsOfDate == asOf))).Single();
        return (ai, ready);
    }

    private static void Near(double expected, decimal actual) => Assert.Equal(expected, (double)actual, 3);

    [Fact]
    public async Task The_spine_has_every_org_from_its_creation_date_with_or_without_events()
    {
        await using var db = await FixtureAsync();
        var rows = await db.ReadAsync(c => c.AiAdoption.AsNoTracking().GroupBy(r => r.OrgId)
            .Select(g => new { OrgId = g.Key, Rows = g.Count(), First = g.Min(r => r.AsOfDate), Last = g.Max(r => r.AsOfDate) }));
        var byOrg = rows.ToDictionary(r => r.OrgId);
        Assert.Equal((91, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)), (byOrg["A"].Rows, byOrg["A"].First, byOrg["A"].Last));
        Assert.Equal((12, new DateOnly(2024, 3, 20)), (byOrg["B"].Rows, byOrg["B"].First));
        Assert.Equal(91, byOrg["C"].Rows);
        Assert.Equal(194, await db.ReadAsync(c => c.ReferenceReadiness.AsNoTracking()).ContinueWith(t => t.Result.Count));
    }

    [Fact]
    public async Task An_active_risk_account_on_the_last_day()
    {
        await using var db = await FixtureAsync();
        var (ai, ready) = await RowAsync(db, "A", "2024-03-31");

        Assert.Equal((32, 2, 30, 2, 2, 1), (ai.TotalEvents30d, ai.AiEvents30d, ai.ActiveDays30d, ai.AiActiveDays30d, ai.ActiveUsers30d, ai.AiUsers30d));
        Near(0.0625, ai.AiEventShare);
        Near(0.5, ai.AiUserShare);
        Near(100.0 * 2 / 30, ai.FrequencyScore);
        Near(25, ai.IntensityScore);
        Near(50, ai.BreadthScore);
        Assert.Equal(25.2m, ai.EffectiveAiAdoptionScore); // 2.6667 + 7.5 + 15 = 25.1667
        Assert.Equal("Risk", ai.ArrAiQuadrant);
        Assert.Equal(("Acme", "AA account", 100_000d, true), (ai.OrgName, ai.SalesforceAccountName, ai.CurrentArr, ai.IsPayingCustomer));

        Assert.Equal((32, 11, 30, 2, 3), (ready.Events30d, ready.EventsPrev30d, ready.ActiveDays30d, ready.ActiveUsers30d, ready.OrgUserCount));
        Assert.Equal((3, 1, 30), (ready.Issues30d, ready.UrgentIssues30d, ready.DaysToRenewal));
        Near(3, ready.AvgCsat30d!.Value);   // (4 + 2) / 2: the 9 is no rating, i3 is before W30
        Near(100, ready.TrendScore);         // 50 + 50 * (32 / 11 - 1), clamped
        Near(100, ready.UsageScore);
        Near(200.0 / 3, ready.EngagementScore);
        Near(50, ready.SentimentScore);
        Near(40, ready.SupportScore);        // 50 - 10 * 1 urgent
        Near(20, ready.RenewalScore);        // 30 days away
        Assert.Equal(67.7m, ready.HealthScore); // 40 + 16.6667 + 8 + 3
        Assert.Equal("Watch", ready.HealthBand);
        Near(40, ready.SizeScore);
        Near(100.0 * 455 / 730, ready.TenureScore);
        Assert.Equal(60.0m, ready.ReferenceReadinessScore); // 0.6 * 67.7 + 10 + 9.3493 = 59.969
        Assert.False(ready.IsReferenceCandidate);
    }

    [Fact]
    public async Task Windows_move_with_the_as_of_date()
    {
        await using var db = await FixtureAsync();
        var (ai, ready) = await RowAsync(db, "A", "2024-03-15"); // W30 [02-15, 03-15], P30 [01-16, 02-14]

        // a1: 10 on 02-15 and one a day 03-02..03-15; a2: AI on 03-01 and 03-15.
        Assert.Equal((26, 2, 16, 2, 2, 1), (ai.TotalEvents30d, ai.AiEvents30d, ai.ActiveDays30d, ai.AiActiveDays30d, ai.ActiveUsers30d, ai.AiUsers30d));
        Assert.Equal(26.9m, ai.EffectiveAiAdoptionScore); // 0.4 * 6.6667 + 0.3 * 30.769 + 0.3 * 50 = 26.897
        Assert.Equal((2, 0, 46), (ready.EventsPrev30d, ready.Issues30d, ready.DaysToRenewal));
        Assert.Null(ready.AvgCsat30d);
        Near(50 * 16 / 30.0 + 50, ready.UsageScore);
        Assert.Equal(63.3m, ready.HealthScore); // 30.6667 + 16.6667 + 10 + 6
    }

    [Fact]
    public async Task An_org_created_inside_the_window_has_no_prior_evidence_and_no_users()
    {
        await using var db = await FixtureAsync();
        var (ai, ready) = await RowAsync(db, "B", "2024-03-31");

        Assert.Equal((1, 1, 0, 0m), (ai.TotalEvents30d, ai.ActiveDays30d, ai.ActiveUsers30d, ai.EffectiveAiAdoptionScore));
        Assert.Equal("Monitor", ai.ArrAiQuadrant);
        Near(50, ready.TrendScore);      // P30 starts before the org's creation
        Near(100.0 / 60 + 25, ready.UsageScore);
        Near(0, ready.EngagementScore);  // no users
        Near(50, ready.SupportScore);
        Near(50, ready.RenewalScore);    // no account: unknown
        Assert.Equal(28.2m, ready.HealthScore);
        Assert.Equal("At Risk", ready.HealthBand);
        Near(0, ready.SizeScore);
        Near(100.0 * 11 / 730, ready.TenureScore);
        Assert.Equal(17.1m, ready.ReferenceReadinessScore);
    }

    [Fact]
    public async Task A_paying_customer_with_zero_usage_is_a_row_with_low_scores()
    {
        await using var db = await FixtureAsync();
        var (ai, ready) = await RowAsync(db, "C", "2024-03-31");

        Assert.Equal((0, 0m, "Risk"), (ai.TotalEvents30d, ai.EffectiveAiAdoptionScore, ai.ArrAiQuadrant));
        Assert.True(ai.IsPayingCustomer);
        Near(0, ready.TrendScore);       // history behind it, no events now or before
        Near(0, ready.UsageScore);
        Near(0, ready.EngagementScore);  // one user, not active
        Assert.Null(ready.DaysToRenewal);
        Assert.Equal(17.5m, ready.HealthScore);
        Near(100, ready.SizeScore);      // capped at 250k
        Near(100, ready.TenureScore);
        Assert.Equal(50.5m, ready.ReferenceReadinessScore);

        var (first, firstReady) = await RowAsync(db, "C", "2024-01-01");
        Assert.Equal((1, 1, 1), (first.TotalEvents30d, first.ActiveUsers30d, firstReady.OrgUserCount));
        Near(50, firstReady.TrendScore); // P30 reaches before the first activity date of the dataset
    }
}
