using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

/// <summary>The Effective AI Adoption Score and the ARR vs AI quadrant, by hand (DESIGN section 5).</summary>
public class AiAdoptionScoreTests
{
    private static readonly ScoringOptions Defaults = new();

    [Fact]
    public void Components_and_score_follow_the_formula()
    {
        // 40 events, 5 AI (share 0.125), 6 AI days, 8 active users of whom 2 used AI.
        var s = AiAdoptionScore.Compute(new AiAdoptionInputs(40, 5, 6, 8, 2, 80_000m), Defaults);
        Assert.Equal(0.125m, s.AiEventShare);
        Assert.Equal(0.25m, s.AiUserShare);
        Assert.Equal(20m, s.Frequency);    // 100 * 6 / 30
        Assert.Equal(50m, s.Intensity);    // 100 * min(1, 0.125 / 0.25)
        Assert.Equal(25m, s.Breadth);      // 100 * 2 / 8
        Assert.Equal(30.5m, s.Score);      // 0.4*20 + 0.3*50 + 0.3*25
        Assert.Equal(AiAdoptionScore.Risk, s.Quadrant);
    }

    [Fact]
    public void No_events_and_no_users_score_zero_without_dividing_by_zero()
    {
        var s = AiAdoptionScore.Compute(new AiAdoptionInputs(0, 0, 0, 0, 0, null), Defaults);
        Assert.Equal((0m, 0m, 0m, 0m, 0m, 0m), (s.AiEventShare, s.AiUserShare, s.Frequency, s.Intensity, s.Breadth, s.Score));
        Assert.Equal(AiAdoptionScore.Monitor, s.Quadrant);
    }

    [Fact]
    public void Intensity_is_full_from_a_quarter_of_events_on()
    {
        Assert.Equal(100m, AiAdoptionScore.Compute(new AiAdoptionInputs(4, 1, 1, 1, 1, null), Defaults).Intensity);
        Assert.Equal(100m, AiAdoptionScore.Compute(new AiAdoptionInputs(4, 4, 1, 1, 1, null), Defaults).Intensity);
    }

    [Fact]
    public void The_score_rounds_half_away_from_zero_to_one_decimal()
    {
        // frequency 100*1/30 = 3.333..., intensity 100*min(1,(1/3)/0.25)=100, breadth 100: 1.3333 + 30 + 30 = 61.333 -> 61.3
        Assert.Equal(61.3m, AiAdoptionScore.Compute(new AiAdoptionInputs(3, 1, 1, 1, 1, null), Defaults).Score);
        // frequency 100*5/30 = 16.666..., 0.4 * that = 6.666..., + 0 + 0 -> 6.7
        Assert.Equal(6.7m, AiAdoptionScore.Compute(new AiAdoptionInputs(1000, 0, 5, 10, 0, null), Defaults).Score);
    }

    [Theory]
    [InlineData(null, "60", "Quick Wins")]
    [InlineData("-5", "60", "Quick Wins")]
    [InlineData("0", "49.9", "Monitor")]
    [InlineData("49999", "50.0", "Quick Wins")]
    [InlineData("50000", "50.0", "Target")]
    [InlineData("50000", "49.9", "Risk")]
    [InlineData("250000", "10", "Risk")]
    public void Quadrant_by_arr_and_rounded_score(string? arr, string score, string quadrant) =>
        Assert.Equal(quadrant, AiAdoptionScore.QuadrantFor(Dec(arr), Dec(score)!.Value, Defaults.AiAdoption));

    private static decimal? Dec(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
