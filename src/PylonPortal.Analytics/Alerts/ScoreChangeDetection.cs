using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Alerts;

/// <summary>
/// The build's last step, <c>score_changes</c>: what changed at the latest as-of date against the previous build's
/// latest one ("since yesterday") and against 7 days earlier. Each kind is one set-based query over the marts
/// (both dates joined on their keys); only the changed orgs come back, to be explained by the same
/// <see cref="Scorecard"/> the org page shows, and stored with the run, inside the build's transaction.
/// </summary>
public static class ScoreChangeDetection
{
    public const string Model = "score_changes";

    /// <summary>One org at the latest as-of date and at the date it is compared with.</summary>
    public sealed class Pair
    {
        public ReferenceReadinessRow Now { get; set; } = null!;
        public ReferenceReadinessRow Then { get; set; } = null!;
        public AiAdoptionRow AiNow { get; set; } = null!;
        public AiAdoptionRow AiThen { get; set; } = null!;

        /// <summary>The org's latest activity date up to the latest as-of date (null: never active).</summary>
        public DateOnly? LastActive { get; set; }
    }

    private sealed record Rule(string Kind, Expression<Func<Pair, bool>> When, Func<Pair, (string Before, string After)> Values, bool AiScore = false);

    public static async Task DetectAsync(BuildContext ctx, PipelineRunStep step, AlertOptions options)
    {
        var db = ctx.Db;
        var latest = await db.GetTable<ReferenceReadinessRow>().MaxAsync(r => (DateOnly?)r.AsOfDate, ctx.Cancellation);
        if (latest is not { } asOf) return;
        // The day before when no earlier build saw another date: a first build still says what changed since yesterday.
        var previous = await db.GetTable<ScoreChangeRun>().Where(r => r.AsOfDate < asOf).MaxAsync(r => (DateOnly?)r.AsOfDate, ctx.Cancellation);
        var comparedWith = previous ?? asOf.AddDays(-1);
        await DetectAsync(ctx, step, options, asOf, comparedWith);
    }

    /// <summary>Finds and stores the changes between <paramref name="asOf"/> and both dates it is compared with.</summary>
    public static async Task DetectAsync(BuildContext ctx, PipelineRunStep step, AlertOptions options, DateOnly asOf, DateOnly comparedWith)
    {
        // The day-to-day comparison first and stored first: what it finds, the week's comparison does not repeat.
        foreach (var then in new[] { comparedWith, asOf.AddDays(-7) }.Distinct())
        {
            var changes = new List<ScoreChange>();
            foreach (var rule in Rules(options, asOf, then))
            {
                var found = await Changed(ctx.Db, asOf, then, rule).ToListAsync(ctx.Cancellation);
                step.RowsRead += found.Count;
                changes.AddRange(found.Select(p => Describe(p, rule, ctx)));
            }
            step.RowsWritten += await BulkInsert.RowsAsync(ctx.Db, changes, ctx.Cancellation);
        }
        await ctx.Db.InsertAsync(new ScoreChangeRun { RunId = ctx.RunId, AsOfDate = asOf, ComparedWith = comparedWith, Changes = (int)step.RowsWritten },
            token: ctx.Cancellation);
    }

    private static IQueryable<Pair> Changed(DataConnection db, DateOnly asOf, DateOnly then, Rule rule)
    {
        var readiness = db.GetTable<ReferenceReadinessRow>();
        var ai = db.GetTable<AiAdoptionRow>();
        var kind = rule.Kind;
        var pairs =
            from now in readiness.Where(r => r.AsOfDate == asOf)
            from before in readiness.Where(r => r.OrgId == now.OrgId && r.AsOfDate == then)
            from aiNow in ai.Where(r => r.OrgId == now.OrgId && r.AsOfDate == asOf)
            from aiThen in ai.Where(r => r.OrgId == now.OrgId && r.AsOfDate == then)
            select new Pair
            {
                Now = now, Then = before, AiNow = aiNow, AiThen = aiThen,
                LastActive = db.GetTable<OrgDailyActivityRow>()
                    .Where(d => d.OrgId == now.OrgId && d.ActivityDate <= asOf).Max(d => (DateOnly?)d.ActivityDate),
            };
        // Already found since `then`: by an earlier build of the day, by the day-to-day comparison, or (for the
        // week's comparison) on one of the days in between, so a change is reported once, not daily for a week.
        return pairs.Where(rule.When).Where(p => !db.GetTable<ScoreChange>()
            .Any(c => c.OrgId == p.Now.OrgId && c.Kind == kind && c.AsOfDate > then && c.AsOfDate <= asOf));
    }

    private static IEnumerable<Rule> Rules(AlertOptions o, DateOnly asOf, DateOnly then)
    {
        var drop = o.HealthDropPoints;
        // Crossed the line between the two dates: active within InactiveDays of `then`, not of `asOf`.
        var activeAfter = then.AddDays(-o.InactiveDays);
        var inactiveBy = asOf.AddDays(-o.InactiveDays);
        const string healthy = HealthScore.Healthy, risk = AiAdoptionScore.Risk;

        yield return new(ChangeKinds.BandChange, p => p.Now.HealthBand != p.Then.HealthBand, p => (p.Then.HealthBand, p.Now.HealthBand));
        yield return new(ChangeKinds.HealthDrop, p => p.Then.HealthScore - p.Now.HealthScore >= drop,
            p => (Score(p.Then.HealthScore), Score(p.Now.HealthScore)));
        yield return new(ChangeKinds.EnteredRisk, p => p.AiNow.ArrAiQuadrant == risk && p.AiThen.ArrAiQuadrant != risk,
            p => (p.AiThen.ArrAiQuadrant, p.AiNow.ArrAiQuadrant), AiScore: true);
        yield return new(ChangeKinds.LeftRisk, p => p.AiNow.ArrAiQuadrant != risk && p.AiThen.ArrAiQuadrant == risk,
            p => (p.AiThen.ArrAiQuadrant, p.AiNow.ArrAiQuadrant), AiScore: true);
        yield return new(ChangeKinds.Inactive,
            p => p.Now.IsPayingCustomer && p.LastActive > activeAfter && p.LastActive <= inactiveBy,
            p => (Days(then.DayNumber - p.LastActive!.Value.DayNumber), Days(asOf.DayNumber - p.LastActive!.Value.DayNumber)));
        yield return new(ChangeKinds.Renewal30,
            p => p.Now.HealthBand != healthy && p.Now.DaysToRenewal >= 0 && p.Now.DaysToRenewal <= 30
                 && (p.Then.DaysToRenewal == null || p.Then.DaysToRenewal > 30),
            RenewalValues);
        yield return new(ChangeKinds.Renewal90,
            p => p.Now.HealthBand != healthy && p.Now.DaysToRenewal > 30 && p.Now.DaysToRenewal <= 90
                 && (p.Then.DaysToRenewal == null || p.Then.DaysToRenewal > 90),
            RenewalValues);
    }

    private static (string, string) RenewalValues(Pair p) =>
        (p.Then.DaysToRenewal is { } d ? $"in {d} days" : "no renewal date", $"in {p.Now.DaysToRenewal} days ({p.Now.RenewalDate:yyyy-MM-dd})");

    private static string Score(decimal score) => score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day inactive" : $"{days} days inactive";

    private static ScoreChange Describe(Pair p, Rule rule, BuildContext ctx)
    {
        var card = Scorecard.Explain(p.AiNow, p.Now, p.AiThen, p.Then, ctx.Scoring);
        var moved = (rule.AiScore ? card.AiCard : card.HealthCard).MovedMost;
        var (before, after) = rule.Values(p);
        return new ScoreChange
        {
            RunId = ctx.RunId, DetectedAt = ctx.StartedAt, Kind = rule.Kind, OrgId = p.Now.OrgId,
            OrgName = p.Now.SalesforceAccountName ?? p.Now.OrgName, OwnerEmail = p.Now.OwnerEmail,
            AccountSegment = p.Now.AccountSegment, CurrentArr = p.Now.CurrentArr,
            AsOfDate = p.Now.AsOfDate, ComparedWith = p.Then.AsOfDate, Before = before, After = after,
            HealthScore = p.Now.HealthScore, HealthBand = p.Now.HealthBand,
            Component = moved?.Component, ComponentPoints = moved?.PointsMoved, ComponentDetail = moved?.Detail,
        };
    }
}
