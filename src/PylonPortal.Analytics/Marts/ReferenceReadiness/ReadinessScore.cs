using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts.ReferenceReadiness;

/// <summary>What the Reference Readiness Score is computed from.</summary>
public sealed record ReadinessInputs(
    decimal RoundedHealthScore, decimal? CurrentArr, int? DaysSinceCreated, bool IsPayingCustomer);

/// <summary>The Reference Readiness Score with its components and the candidate flag (DESIGN section 5).</summary>
public sealed record ReadinessScore(decimal Size, decimal Tenure, decimal Score, bool IsCandidate)
{
    /// <summary>Exact arithmetic (<see cref="Fraction"/>), rounded once at the end; health enters rounded, as shown.</summary>
    public static ReadinessScore Compute(ReadinessInputs x, ScoringOptions options)
    {
        var o = options.Readiness;
        var size = x.CurrentArr is { } arr ? 100 * Fraction.Clamp((Fraction)arr / o.FullSizeArr, 0, 1) : Fraction.Zero;
        var tenure = x.DaysSinceCreated is { } days ? 100 * Fraction.Min(1, Fraction.Of(days, o.FullTenureDays)) : Fraction.Zero;
        var score = (o.HealthWeight * (Fraction)x.RoundedHealthScore + o.SizeWeight * size + o.TenureWeight * tenure).Round(ScoreMath.ScoreDecimals);
        var candidate = x.IsPayingCustomer
                        && x.RoundedHealthScore >= o.CandidateHealthThreshold
                        && score >= o.CandidateReadinessThreshold;
        return new ReadinessScore(size.Round(ScoreMath.ComponentDecimals), tenure.Round(ScoreMath.ComponentDecimals), score, candidate);
    }
}
