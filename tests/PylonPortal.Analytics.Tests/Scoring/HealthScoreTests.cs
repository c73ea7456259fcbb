using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

/// <summary>The Customer Health Score, component by component, computed by hand (DESIGN section 5).</summary>
public class HealthScoreTests
{
    private static readonly ScoringOptions Defaults = new();

    private static HealthInputs Inputs(int events = 0, int prev = 0, int activeDays = 0, int activeUsers = 0, int orgUsers = 0,
        int urgent = 0, decimal? csat = null, int? daysToRenewal = null, bool beforeHistory = false) =>
        new(events, prev, activeDays, activeUsers, orgUsers, urgent, csat, daysToRenewal, beforeHistory);

    [Fact]
    public void No_events_with_a_full_history_behind_scores_zero_usage_and_trend()
    {
        var h = HealthScore.Compute(Inputs(orgUsers: 4), Defaults);
        Assert.Equal((0m, 0m, 0m), (h.Trend, h.Usage, h.Engagement));
        // support 50 (no rated issue) and renewal 50 (unknown): 0.20*50 + 0.15*50 = 17.5
        Assert.Equal(17.5m, h.Score);
        Assert.Equal(HealthScore.AtRisk, h.Band);
    }

    [Fact]
    public void Events_only_in_the_prior_window_give_trend_zero() =>
        Assert.Equal(0m, HealthScore.Compute(Inputs(events: 0, prev: 40), Defaults).Trend);

    [Theory]
    [InlineData(1, 50)]   // empty P30 counts as 1: 50 + 50 * (1/1 - 1)
    [InlineData(2, 100)]  // 50 + 50 * (2/1 - 1)
    [InlineData(9, 100)]  // clamped
    public void An_empty_prior_window_with_history_behind_it(int events, int trend) =>
        Assert.Equal(trend, HealthScore.Compute(Inputs(events: events, prev: 0), Defaults).Trend);

    [Fact]
    public void Trend_compares_the_two_windows()
    {
        Assert.Equal(75m, HealthScore.Compute(Inputs(events: 150, prev: 100), Defaults).Trend);
        Assert.Equal(25m, HealthScore.Compute(Inputs(events: 50, prev: 100), Defaults).Trend);
    }

    [Fact]
    public void A_prior_window_before_the_history_or_the_orgs_creation_gives_no_evidence_either_way()
    {
        Assert.Equal(50m, HealthScore.Compute(Inputs(events: 0, prev: 0, beforeHistory: true), Defaults).Trend);
        Assert.Equal(50m, HealthScore.Compute(Inputs(events: 90, prev: 1, beforeHistory: true), Defaults).Trend);
    }

    [Fact]
    public void Usage_is_half_active_day_coverage_and_half_trend()
    {
        // 0.5 * (100 * 12 / 30) + 0.5 * 75 = 20 + 37.5
        Assert.Equal(57.5m, HealthScore.Compute(Inputs(events: 150, prev: 100, activeDays: 12), Defaults).Usage);
    }

    [Fact]
    public void Engagement_is_active_users_over_the_orgs_users_capped_and_zero_without_users()
    {
        Assert.Equal(0m, HealthScore.Compute(Inputs(activeUsers: 0, orgUsers: 0), Defaults).Engagement);
        Assert.Equal(0m, HealthScore.Compute(Inputs(activeUsers: 3, orgUsers: 0), Defaults).Engagement);
        Assert.Equal(75m, HealthScore.Compute(Inputs(activeUsers: 3, orgUsers: 4), Defaults).Engagement);
        Assert.Equal(100m, HealthScore.Compute(Inputs(activeUsers: 5, orgUsers: 4), Defaults).Engagement);
    }

    [Fact]
    public void Sentiment_is_fifty_without_a_rated_issue_and_scales_csat_otherwise()
    {
        Assert.Equal(50m, HealthScore.Compute(Inputs(csat: null), Defaults).Sentiment);
        Assert.Equal(0m, HealthScore.Compute(Inputs(csat: 1m), Defaults).Sentiment);
        Assert.Equal(87.5m, HealthScore.Compute(Inputs(csat: 4.5m), Defaults).Sentiment);
        Assert.Equal(100m, HealthScore.Compute(Inputs(csat: 5m), Defaults).Sentiment);
    }

    [Fact]
    public void Urgent_issues_lower_support_down_to_zero_but_not_below()
    {
        Assert.Equal(30m, HealthScore.Compute(Inputs(csat: null, urgent: 2), Defaults).Support);   // 50 - 20
        Assert.Equal(0m, HealthScore.Compute(Inputs(csat: 2m, urgent: 4), Defaults).Support);     // 25 - 40, clamped
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData(-1, 0)]    // yesterday
    [InlineData(0, 20)]
    [InlineData(30, 20)]
    [InlineData(31, 40)]
    [InlineData(90, 40)]
    [InlineData(91, 70)]
    [InlineData(180, 70)]
    [InlineData(181, 100)]
    public void Renewal_by_days_to_renewal(int? days, int score) =>
        Assert.Equal(score, HealthScore.Compute(Inputs(daysToRenewal: days), Defaults).Renewal);

    [Fact]
    public void A_score_of_69_95_rounds_half_away_from_zero_to_70_and_is_healthy()
    {
        // usage 0.5*(100*27/30) + 0.5*(50 + 50*(219/200 - 1)) = 45 + 27.375 = 72.375 -> 0.40 * 72.375 = 28.95
        // engagement 100 -> 25; support 50 (no rated issue) -> 10; renewal 40 (31-90 days) -> 6: 69.95
        var h = HealthScore.Compute(Inputs(events: 219, prev: 200, activeDays: 27, activeUsers: 5, orgUsers: 5, daysToRenewal: 60), Defaults);
        Assert.Equal(72.375m, h.Usage);
        Assert.Equal(70.0m, h.Score);
        Assert.Equal(HealthScore.Healthy, h.Band);
    }

    [Theory]
    [InlineData(70.0, "Healthy")]
    [InlineData(69.9, "Watch")]
    [InlineData(40.0, "Watch")]
    [InlineData(39.9, "At Risk")]
    public void Bands_compare_the_rounded_score(decimal score, string band) =>
        Assert.Equal(band, HealthScore.BandFor(score, Defaults.Health));
}
