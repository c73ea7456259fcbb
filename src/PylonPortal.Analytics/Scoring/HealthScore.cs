namespace PylonPortal.Analytics.Scoring;

/// <summary>What the Customer Health Score is computed from: one org at one as-of date.</summary>
public sealed record HealthInputs(
    int Events30d, int EventsPrev30d, int ActiveDays30d, int ActiveUsers30d, int OrgUserCount,
    int UrgentIssues30d, decimal? AvgCsat30d, int? DaysToRenewal,
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

    public static HealthScore Compute(HealthInputs x, ScoringOptions options)
    {
        var o = options.Health;
        var trend = TrendScore(x.Events30d, x.EventsPrev30d, x.PriorWindowBeforeHistory);
        var usage = o.UsageActiveDaysWeight * (100m * x.ActiveDays30d / 30m) + o.UsageTrendWeight * trend;
        var engagement = x.OrgUserCount == 0 ? 0m : 100m * Math.Min(1m, (decimal)x.ActiveUsers30d / x.OrgUserCount);
        var sentiment = x.AvgCsat30d is { } csat ? 100m * (csat - 1m) / 4m : 50m;
        var support = ScoreMath.Clamp(sentiment - o.UrgentIssuePenalty * x.UrgentIssues30d);
        var renewal = RenewalScore(x.DaysToRenewal, o);
        var score = ScoreMath.Round(
            o.UsageWeight * usage + o.EngagementWeight * engagement + o.SupportWeight * support + o.RenewalWeight * renewal);

        return new HealthScore(trend, usage, engagement, sentiment, support, renewal, score, BandFor(score, o));
    }

    /// <summary>
    /// Events in W30 against P30: 50 is flat, 100 doubled or better, 0 stopped. With no history behind
    /// P30 (before the first activity date or the org's creation) there is no evidence either way: 50.
    /// </summary>
    public static decimal TrendScore(int events30d, int eventsPrev30d, bool priorWindowBeforeHistory) =>
        priorWindowBeforeHistory
            ? 50m
            : ScoreMath.Clamp(50m + 50m * ((decimal)events30d / Math.Max(eventsPrev30d, 1) - 1m));

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
