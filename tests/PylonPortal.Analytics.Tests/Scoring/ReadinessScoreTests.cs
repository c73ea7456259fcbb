using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

/// <summary>The Reference Readiness Score and the candidate flag, by hand (DESIGN section 5).</summary>
public class ReadinessScoreTests
{
    private static readonly ScoringOptions Defaults = new();

    [Theory]
    [InlineData(null, "0")]
    [InlineData("-10000", "0")]
    [InlineData("0", "0")]
    [InlineData("49999", "19.9996")]
    [InlineData("50000", "20")]
    [InlineData("250000", "100")]
    [InlineData("900000", "100")]
    public void Size_scales_arr_up_to_250k(string? arr, string size)
    {
        var current = arr is null ? (decimal?)null : decimal.Parse(arr, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
            ReadinessScore.Compute(new ReadinessInputs(50m, current, 0, current > 0), Defaults).Size);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(365, 50)]
    [InlineData(730, 100)]
    [InlineData(2000, 100)]
    public void Tenure_scales_days_since_creation_up_to_two_years(int? days, int tenure) =>
        Assert.Equal(tenure, ReadinessScore.Compute(new ReadinessInputs(50m, null, days, false), Defaults).Tenure);

    [Fact]
    public void Readiness_uses_the_rounded_health_and_can_round_up_into_a_candidate()
    {
        // 0.60 * 70.0 + 0.25 * (100 * 129,500 / 250,000 = 51.8) + 0.15 * 100 = 42 + 12.95 + 15 = 69.95 -> 70.0
        var r = ReadinessScore.Compute(new ReadinessInputs(70.0m, 129_500m, 800, true), Defaults);
        Assert.Equal(70.0m, r.Score);
        Assert.True(r.IsCandidate);
    }

    [Fact]
    public void A_candidate_must_pay_be_healthy_and_ready()
    {
        Assert.False(ReadinessScore.Compute(new ReadinessInputs(95m, 250_000m, 800, false), Defaults).IsCandidate); // not paying
        Assert.False(ReadinessScore.Compute(new ReadinessInputs(69.9m, 250_000m, 800, true), Defaults).IsCandidate); // health below 70
        Assert.False(ReadinessScore.Compute(new ReadinessInputs(70m, 0m, 0, true), Defaults).IsCandidate);          // readiness 42
        Assert.True(ReadinessScore.Compute(new ReadinessInputs(80m, 250_000m, 800, true), Defaults).IsCandidate);
    }
}
