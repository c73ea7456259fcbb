using LinqToDB;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Tests.Pipeline;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Alerts;

/// <summary>
/// Each kind of change on hand-made mart rows: an org at the latest as-of date (30 March) against the previous
/// build's latest (29 March) and a week earlier (23 March).
/// </summary>
public class ScoreChangeDetectionTests
{
    private static readonly DateOnly AsOf = new(2024, 3, 30);
    private static readonly DateOnly Yesterday = new(2024, 3, 29);
    private static readonly DateOnly WeekAgo = new(2024, 3, 23);

    private static ReferenceReadinessRow Health(string org, DateOnly date, decimal score, string? band = null, int? daysToRenewal = null,
        decimal usage = 50m, double arr = 120_000, string owner = "csm@example.com") => new()
    {
        OrgId = org, AsOfDate = date, OrgName = $"{org} Inc", SalesforceAccountName = $"{org} account", AccountSegment = "Enterprise",
        CurrentArr = arr, IsPayingCustomer = arr > 0, OwnerEmail = owner, HealthScore = score, UsageScore = usage,
        HealthBand = band ?? (score >= 70 ? HealthScore.Healthy : score >= 40 ? HealthScore.Watch : HealthScore.AtRisk),
        DaysToRenewal = daysToRenewal, RenewalDate = daysToRenewal is { } d ? date.AddDays(d) : null,
    };

    private static AiAdoptionRow Ai(string org, DateOnly date, string quadrant = AiAdoptionScore.Target, decimal intensity = 50m) => new()
    {
        OrgId = org, AsOfDate = date, ArrAiQuadrant = quadrant, IntensityScore = intensity, EffectiveAiAdoptionScore = 50m,
    };

    private static OrgDailyActivityRow Active(string org, DateOnly day) => new() { OrgId = org, ActivityDate = day, TotalEventCount = 1 };

    /// <summary>The org the same at both dates except for what <paramref name="now"/> changes.</summary>
    private static async Task SeedAsync(TestDatabase db, params (ReferenceReadinessRow Then, ReferenceReadinessRow Now, AiAdoptionRow? AiThen, AiAdoptionRow? AiNow)[] orgs)
    {
        await using var context = db.Factory.Create();
        await using var sql = context.Sql();
        foreach (var (then, now, aiThen, aiNow) in orgs)
        {
            await sql.InsertAsync(then);
            await sql.InsertAsync(now);
            await sql.InsertAsync(aiThen ?? Ai(then.OrgId, then.AsOfDate));
            await sql.InsertAsync(aiNow ?? Ai(now.OrgId, now.AsOfDate));
        }
    }

    private static async Task<List<ScoreChange>> DetectAsync(TestDatabase db, AlertOptions? options = null, long runId = 1)
    {
        await using var context = db.Factory.Create();
        await using var sql = context.Sql();
        var ctx = new BuildContext(sql, runId, db.Clock.GetUtcNow(), false, db.Pipeline, db.Scoring, NullBuildObserver.Instance);
        await ScoreChangeDetection.DetectAsync(ctx, new PipelineRunStep(), options ?? new AlertOptions(), AsOf, Yesterday);
        return await context.ScoreChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task A_band_transition_either_way_is_a_change_with_before_and_after()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("worse", Yesterday, 72m), Health("worse", AsOf, 65m), null, null),
            (Health("better", Yesterday, 35m), Health("better", AsOf, 41m), null, null),
            (Health("same", Yesterday, 72m), Health("same", AsOf, 70m), null, null));

        var changes = (await DetectAsync(db)).Where(c => c.Kind == ChangeKinds.BandChange).ToList();

        Assert.Equal(["better", "worse"], changes.Select(c => c.OrgId).Order());
        var worse = changes.Single(c => c.OrgId == "worse");
        Assert.Equal((HealthScore.Healthy, HealthScore.Watch), (worse.Before, worse.After));
        Assert.Equal((AsOf, Yesterday), (worse.AsOfDate, worse.ComparedWith));
        Assert.Equal(("worse account", "csm@example.com", 120_000d, "Enterprise"), (worse.OrgName, worse.OwnerEmail, worse.CurrentArr, worse.AccountSegment));
        Assert.Equal((HealthScore.AtRisk, HealthScore.Watch), changes.Single(c => c.OrgId == "better") is var b ? (b.Before, b.After) : default);
    }

    [Fact]
    public async Task A_health_drop_of_at_least_the_configured_points_names_the_component_that_moved_most()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("fell", Yesterday, 95m, usage: 90m), Health("fell", AsOf, 80m, usage: 50m), null, null),
            (Health("dipped", Yesterday, 95m), Health("dipped", AsOf, 80.1m), null, null));

        var drops = (await DetectAsync(db)).Where(c => c.Kind == ChangeKinds.HealthDrop).ToList();

        var fell = Assert.Single(drops);
        Assert.Equal(("fell", "95.0", "80.0"), (fell.OrgId, fell.Before, fell.After));
        Assert.Equal("Usage", fell.Component);
        Assert.Equal(-16m, fell.ComponentPoints); // weight 0.40 x (50 - 90)
        Assert.Contains("active days of 30", fell.ComponentDetail);
    }

    [Fact]
    public async Task The_drop_threshold_comes_from_the_options()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db, (Health("dipped", Yesterday, 95m), Health("dipped", AsOf, 85m), null, null));

        var changes = await DetectAsync(db, new AlertOptions { HealthDropPoints = 10m });

        Assert.Contains(changes, c => c is { OrgId: "dipped", Kind: ChangeKinds.HealthDrop });
    }

    [Fact]
    public async Task Entering_and_leaving_the_Risk_quadrant_are_changes_explained_by_the_AI_score()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("in", Yesterday, 80m), Health("in", AsOf, 80m), Ai("in", Yesterday), Ai("in", AsOf, AiAdoptionScore.Risk, intensity: 10m)),
            (Health("out", Yesterday, 80m), Health("out", AsOf, 80m), Ai("out", Yesterday, AiAdoptionScore.Risk), Ai("out", AsOf)),
            (Health("stays", Yesterday, 80m), Health("stays", AsOf, 80m), Ai("stays", Yesterday, AiAdoptionScore.Risk), Ai("stays", AsOf, AiAdoptionScore.Risk)));

        var changes = await DetectAsync(db);

        var entered = Assert.Single(changes, c => c.Kind == ChangeKinds.EnteredRisk);
        Assert.Equal(("in", AiAdoptionScore.Target, AiAdoptionScore.Risk, "Intensity"), (entered.OrgId, entered.Before, entered.After, entered.Component));
        Assert.Equal("out", Assert.Single(changes, c => c.Kind == ChangeKinds.LeftRisk).OrgId);
        Assert.DoesNotContain(changes, c => c.OrgId == "stays");
    }

    [Fact]
    public async Task A_paying_org_is_reported_once_when_its_days_without_activity_reach_the_threshold()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("quiet", Yesterday, 50m), Health("quiet", AsOf, 50m), null, null),
            (Health("already", Yesterday, 50m), Health("already", AsOf, 50m), null, null),
            (Health("free", Yesterday, 50m, arr: 0), Health("free", AsOf, 50m, arr: 0), null, null),
            (Health("busy", Yesterday, 50m), Health("busy", AsOf, 50m), null, null));
        await using (var context = db.Factory.Create())
        await using (var sql = context.Sql())
        {
            // 30 March - 14 days = 16 March: "quiet" crosses today; "already" crossed yesterday.
            foreach (var row in new[] { Active("quiet", new(2024, 3, 10)), Active("quiet", new(2024, 3, 16)), Active("already", new(2024, 3, 15)),
                         Active("free", new(2024, 3, 16)), Active("busy", new(2024, 3, 16)), Active("busy", new(2024, 3, 30)) })
                await sql.InsertAsync(row);
        }

        var inactive = (await DetectAsync(db)).Where(c => c.Kind == ChangeKinds.Inactive).ToList();

        var quiet = Assert.Single(inactive);
        Assert.Equal(("quiet", "13 days inactive", "14 days inactive"), (quiet.OrgId, quiet.Before, quiet.After));
    }

    [Fact]
    public async Task Renewals_entering_the_30_and_90_day_windows_count_only_while_At_Risk_or_Watch()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("r30", Yesterday, 50m, daysToRenewal: 31), Health("r30", AsOf, 50m, daysToRenewal: 30), null, null),
            (Health("r90", Yesterday, 30m, daysToRenewal: 91), Health("r90", AsOf, 30m, daysToRenewal: 90), null, null),
            (Health("healthy", Yesterday, 80m, daysToRenewal: 31), Health("healthy", AsOf, 80m, daysToRenewal: 30), null, null),
            (Health("inside", Yesterday, 50m, daysToRenewal: 20), Health("inside", AsOf, 50m, daysToRenewal: 19), null, null));

        var changes = await DetectAsync(db);

        var r30 = Assert.Single(changes, c => c.Kind == ChangeKinds.Renewal30);
        Assert.Equal(("r30", "in 31 days", "in 30 days (2024-04-29)"), (r30.OrgId, r30.Before, r30.After));
        Assert.Equal("r90", Assert.Single(changes, c => c.Kind == ChangeKinds.Renewal90).OrgId);
        Assert.DoesNotContain(changes, c => c.OrgId is "healthy" or "inside");
    }

    [Fact]
    public async Task A_change_against_7_days_earlier_is_found_and_each_change_is_stored_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db,
            (Health("slow", WeekAgo, 90m), Health("slow", AsOf, 70m), null, null),
            (Health("slow", Yesterday, 72m), Health("other", AsOf, 70m), null, null));

        var first = await DetectAsync(db);
        var again = await DetectAsync(db, runId: 2); // a later build of the same day compares the same dates

        var drop = Assert.Single(first, c => c.Kind == ChangeKinds.HealthDrop);
        Assert.Equal(("slow", WeekAgo, "90.0", "70.0"), (drop.OrgId, drop.ComparedWith, drop.Before, drop.After));
        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));
    }

    [Fact]
    public async Task A_change_found_on_one_day_is_not_reported_again_against_the_week_on_the_next()
    {
        await using var db = await TestDatabase.CreateAsync();
        var dayBefore = Yesterday.AddDays(-1);
        await SeedAsync(db,
            (Health("fell", dayBefore, 80m), Health("fell", Yesterday, 60m), null, null),
            (Health("fell", WeekAgo, 80m), Health("fell", AsOf, 60m), null, null));
        await using (var context = db.Factory.Create())
        await using (var sql = context.Sql())
        {
            var ctx = new BuildContext(sql, 1, db.Clock.GetUtcNow(), false, db.Pipeline, db.Scoring, NullBuildObserver.Instance);
            await ScoreChangeDetection.DetectAsync(ctx, new PipelineRunStep(), new AlertOptions(), Yesterday, dayBefore);
        }

        var changes = await DetectAsync(db, runId: 2); // today: Watch against a Healthy week ago, already reported yesterday

        var band = Assert.Single(changes, c => c.Kind == ChangeKinds.BandChange);
        Assert.Equal((Yesterday, dayBefore, 1L), (band.AsOfDate, band.ComparedWith, band.RunId));
    }

    [Fact]
    public async Task A_build_stores_its_changes_with_its_run_and_a_rolled_back_build_leaves_none()
    {
        // One paying org whose single user answered with AI on 29 March (Target quadrant) and then did ten
        // non-AI things on 30 March: the AI share falls to 1 in 11 and the org enters the Risk quadrant.
        static async Task<TestDatabase> FixtureAsync()
        {
            var db = await TestDatabase.CreateAsync();
            await db.InsertAsync(Org("o1"));
            await db.InsertAsync(User("u1", "o1"));
            await db.InsertAsync(Account("A1", "o1", 75_000m, owner: "dana@example.com"));
            await db.InsertAsync([Event("e0", "ai:reply", "u1", "2024-03-29T10:00:00Z"),
                .. Enumerable.Range(1, 10).Select(i => Event($"e{i}", "issue:created", "u1", "2024-03-30T10:00:00Z"))]);
            return db;
        }

        await using var built = await FixtureAsync();
        var result = await built.BuildAsync();
        var change = Assert.Single(await built.ReadAsync(c => c.ScoreChanges.Where(x => x.Kind == ChangeKinds.EnteredRisk)));
        Assert.Equal((result.RunId, "o1", "dana@example.com", 75_000d, "Intensity"), (change.RunId, change.OrgId, change.OwnerEmail, change.CurrentArr, change.Component));
        Assert.Contains(result.Steps, s => s.Model == ScoreChangeDetection.Model && s.RowsWritten > 0);

        await using var failed = await FixtureAsync();
        var rolledBack = await failed.Builds().RunAsync(new BuildRequest(Triggers.Cli), new FailAfter(ScoreChangeDetection.Model));
        Assert.False(rolledBack.Succeeded);
        Assert.Empty(await failed.ReadAsync(c => c.ScoreChanges));
        Assert.Empty(await failed.ReadAsync(c => c.ScoreChangeRuns));
    }

}
