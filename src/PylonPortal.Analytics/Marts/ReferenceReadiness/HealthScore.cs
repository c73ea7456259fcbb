using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts.ReferenceReadiness;

/// <summary>
/// What the Customer Health Score is computed from: one org at one as-of date. <see cref="AvgCsat30d"/> is
/// exact (a sum over a count, not a rounded decimal).
/// </summary>
public sealed record HealthInputs(
    int Events30d, int EventsPrev30d, int ActiveDays30d, int ActiveUsers30d, int OrgUserCount,
    int UrgentIssues30d, Fraction? AvgCsat30d, int? DaysToRenewal,
    bool PriorWindowBeforeHistory);

/// <summary>The Customer Health Score with every component and its band (DESIGN section 5).</summary>
public sealed record HealthScore(
    decimal Trend, decimal Usage, decimal Engagement, decimal Sentiment, decimal Support, decimal Renewal,
    decimal Score, string Band)
{
    public const string Healthy = "Healthy";
    public const string Watch = "Watch";
    public const string AtRisk = "At Risk";

    public static readonly IReadOnlyList<string> Bands = [Healthy, Watch, AtRisk];

    /// <summary>Exact arithmetic (<see cref="Fraction"/>), rounded once at the end.</summary>
    public static HealthScore Compute(HealthInputs x, ScoringOptions options)
    {
        var o = options.Health;
        var trend = TrendOf(x.Events30d, x.EventsPrev30d, x.PriorWindowBeforeHistory);
        var usage = o.UsageActiveDaysWeight * (100 * Fraction.Of(x.ActiveDays30d, 30)) + o.UsageTrendWeight * trend;
        var engagement = x.OrgUserCount == 0 ? Fraction.Zero : 100 * Fraction.Min(1, Fraction.Of(x.ActiveUsers30d, x.OrgUserCount));
        var sentiment = x.AvgCsat30d is { } csat ? 100 * (csat - 1) / 4 : 50;
        var support = Fraction.Clamp(sentiment - (Fraction)o.UrgentIssuePenalty * x.UrgentIssues30d, 0, 100);
        var renewal = RenewalScore(x.DaysToRenewal, o);
        var score = (o.UsageWeight * usage + o.EngagementWeight * engagement + o.SupportWeight * support + o.RenewalWeight * renewal).Round(ScoreMath.ScoreDecimals);

        return new HealthScore(trend.Round(ScoreMath.ComponentDecimals), usage.Round(ScoreMath.ComponentDecimals), engagement.Round(ScoreMath.ComponentDecimals), sentiment.Round(ScoreMath.ComponentDecimals),
            support.Round(ScoreMath.ComponentDecimals), renewal, score, BandFor(score, o));
    }

    /// <summary>
    /// Events in W30 against P30: 50 is flat, 100 doubled or better, 0 stopped. With no history behind
    /// P30 (before the first activity date or the org's creation) there is no evidence either way: 50.
    /// </summary>
    private static Fraction TrendOf(int events30d, int eventsPrev30d, bool priorWindowBeforeHistory) =>
        priorWindowBeforeHistory
            ? 50
            : Fraction.Clamp(50 + 50 * (Fraction.Of(events30d, Math.Max(eventsPrev30d, 1)) - 1), 0, 100);

    public static decimal RenewalScore(int? daysToRenewal, ScoringOptions.HealthSettings o) => daysToRenewal switch
    {
        null => o.RenewalUnknownScore,
        < 0 => o.RenewalOverdueScore,
        <= 30 => o.RenewalWithin30DaysScore,
        <= 90 => o.RenewalWithin90DaysScore,
        <= 180 => o.RenewalWithin180DaysScore,
        _ => o.RenewalLaterScore,
    };

    public static string BandFor(decimal roundedScore, ScoringOptions.HealthSettings o) =>
        roundedScore >= o.HealthyThreshold ? Healthy : roundedScore >= o.WatchThreshold ? Watch : AtRisk;
}
