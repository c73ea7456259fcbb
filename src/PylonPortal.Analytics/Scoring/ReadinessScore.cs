namespace PylonPortal.Analytics.Scoring;

/// <summary>What the Reference Readiness Score is computed from.</summary>
public sealed record ReadinessInputs(
    decimal RoundedHealthScore, decimal? CurrentArr, int? DaysSinceCreated, bool IsPayingCustomer);

/// <summary>The Reference Readiness Score with its components and the candidate flag (DESIGN section 5).</summary>
public sealed record ReadinessScore(decimal Size, decimal Tenure, decimal Score, bool IsCandidate)
{
    public static ReadinessScore Compute(ReadinessInputs x, ScoringOptions options)
    {
        var o = options.Readiness;
        var size = x.CurrentArr is { } arr ? 100m * ScoreMath.Clamp(arr / o.FullSizeArr, 0m, 1m) : 0m;
        var tenure = x.DaysSinceCreated is { } days ? 100m * Math.Min(1m, (decimal)days / o.FullTenureDays) : 0m;
        var score = ScoreMath.Round(o.HealthWeight * x.RoundedHealthScore + o.SizeWeight * size + o.TenureWeight * tenure);
        var candidate = x.IsPayingCustomer
                        && x.RoundedHealthScore >= o.CandidateHealthThreshold
                        && score >= o.CandidateReadinessThreshold;
        return new ReadinessScore(size, tenure, score, candidate);
    }
}
