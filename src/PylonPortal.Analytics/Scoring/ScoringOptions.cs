namespace PylonPortal.Analytics.Scoring;

/// <summary>
/// Every weight and threshold of the three scores (DESIGN section 5), bound to the <c>Scoring</c>
/// configuration section. The defaults are the contract's.
/// </summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    public AiAdoptionSettings AiAdoption { get; set; } = new();
    public HealthSettings Health { get; set; } = new();
    public ReadinessSettings Readiness { get; set; } = new();

    public sealed class AiAdoptionSettings
    {
        public decimal FrequencyWeight { get; set; } = 0.40m;
        public decimal IntensityWeight { get; set; } = 0.30m;
        public decimal BreadthWeight { get; set; } = 0.30m;

        /// <summary>The AI event share that earns full intensity.</summary>
        public decimal FullIntensityShare { get; set; } = 0.25m;

        /// <summary>High ARR for the quadrant: current_arr at or above this.</summary>
        public decimal HighArrThreshold { get; set; } = 50_000m;

        /// <summary>High AI for the quadrant: a rounded score at or above this.</summary>
        public decimal HighAiThreshold { get; set; } = 50m;
    }

    public sealed class HealthSettings
    {
        public decimal UsageWeight { get; set; } = 0.40m;
        public decimal EngagementWeight { get; set; } = 0.25m;
        public decimal SupportWeight { get; set; } = 0.20m;
        public decimal RenewalWeight { get; set; } = 0.15m;

        /// <summary>Usage = this share of active-day coverage plus the rest of trend.</summary>
        public decimal UsageActiveDaysWeight { get; set; } = 0.5m;
        public decimal UsageTrendWeight { get; set; } = 0.5m;

        /// <summary>Support points lost per urgent issue in the window.</summary>
        public decimal UrgentIssuePenalty { get; set; } = 10m;

        public decimal HealthyThreshold { get; set; } = 70m;
        public decimal WatchThreshold { get; set; } = 40m;

        public decimal RenewalUnknownScore { get; set; } = 50m;
        public decimal RenewalOverdueScore { get; set; } = 0m;
        public decimal RenewalWithin30DaysScore { get; set; } = 20m;
        public decimal RenewalWithin90DaysScore { get; set; } = 40m;
        public decimal RenewalWithin180DaysScore { get; set; } = 70m;
        public decimal RenewalLaterScore { get; set; } = 100m;
    }

    public sealed class ReadinessSettings
    {
        public decimal HealthWeight { get; set; } = 0.60m;
        public decimal SizeWeight { get; set; } = 0.25m;
        public decimal TenureWeight { get; set; } = 0.15m;

        /// <summary>current_arr that earns full size.</summary>
        public decimal FullSizeArr { get; set; } = 250_000m;

        /// <summary>Days since the org was created that earn full tenure.</summary>
        public int FullTenureDays { get; set; } = 730;

        public decimal CandidateHealthThreshold { get; set; } = 70m;
        public decimal CandidateReadinessThreshold { get; set; } = 70m;
    }

    /// <summary>Every problem with the settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var ai = AiAdoption;
        var health = Health;
        var ready = Readiness;

        WeightsSumToOne(errors, "Scoring:AiAdoption",
            ("FrequencyWeight", ai.FrequencyWeight), ("IntensityWeight", ai.IntensityWeight), ("BreadthWeight", ai.BreadthWeight));
        WeightsSumToOne(errors, "Scoring:Health",
            ("UsageWeight", health.UsageWeight), ("EngagementWeight", health.EngagementWeight),
            ("SupportWeight", health.SupportWeight), ("RenewalWeight", health.RenewalWeight));
        WeightsSumToOne(errors, "Scoring:Health",
            ("UsageActiveDaysWeight", health.UsageActiveDaysWeight), ("UsageTrendWeight", health.UsageTrendWeight));
        WeightsSumToOne(errors, "Scoring:Readiness",
            ("HealthWeight", ready.HealthWeight), ("SizeWeight", ready.SizeWeight), ("TenureWeight", ready.TenureWeight));

        Positive(errors, "Scoring:AiAdoption:FullIntensityShare", ai.FullIntensityShare, max: 1m);
        NonNegative(errors, "Scoring:AiAdoption:HighArrThreshold", ai.HighArrThreshold);
        ScoreRange(errors, "Scoring:AiAdoption:HighAiThreshold", ai.HighAiThreshold);
        NonNegative(errors, "Scoring:Health:UrgentIssuePenalty", health.UrgentIssuePenalty);
        ScoreRange(errors, "Scoring:Health:HealthyThreshold", health.HealthyThreshold);
        ScoreRange(errors, "Scoring:Health:WatchThreshold", health.WatchThreshold);
        if (health.WatchThreshold > health.HealthyThreshold)
            errors.Add($"Scoring:Health:WatchThreshold ({health.WatchThreshold}) must not exceed Scoring:Health:HealthyThreshold ({health.HealthyThreshold}).");
        foreach (var (name, value) in new[]
                 {
                     ("RenewalUnknownScore", health.RenewalUnknownScore), ("RenewalOverdueScore", health.RenewalOverdueScore),
                     ("RenewalWithin30DaysScore", health.RenewalWithin30DaysScore), ("RenewalWithin90DaysScore", health.RenewalWithin90DaysScore),
                     ("RenewalWithin180DaysScore", health.RenewalWithin180DaysScore), ("RenewalLaterScore", health.RenewalLaterScore),
                 })
            ScoreRange(errors, $"Scoring:Health:{name}", value);
        Positive(errors, "Scoring:Readiness:FullSizeArr", ready.FullSizeArr);
        if (ready.FullTenureDays <= 0)
            errors.Add($"Scoring:Readiness:FullTenureDays must be a positive number of days (was {ready.FullTenureDays}).");
        ScoreRange(errors, "Scoring:Readiness:CandidateHealthThreshold", ready.CandidateHealthThreshold);
        ScoreRange(errors, "Scoring:Readiness:CandidateReadinessThreshold", ready.CandidateReadinessThreshold);
        return errors;
    }

    private static void WeightsSumToOne(List<string> errors, string section, params (string Name, decimal Value)[] weights)
    {
        foreach (var (name, value) in weights)
            if (value is < 0 or > 1)
                errors.Add($"{section}:{name} must be between 0 and 1 (was {value}).");
        var sum = weights.Sum(w => w.Value);
        if (sum != 1m)
            errors.Add($"{section} weights must sum to 1: {string.Join(" + ", weights.Select(w => $"{w.Name} {w.Value}"))} = {sum}.");
    }

    private static void ScoreRange(List<string> errors, string key, decimal value)
    {
        if (value is < 0 or > 100) errors.Add($"{key} must be between 0 and 100 (was {value}).");
    }

    private static void NonNegative(List<string> errors, string key, decimal value)
    {
        if (value < 0) errors.Add($"{key} must not be negative (was {value}).");
    }

    private static void Positive(List<string> errors, string key, decimal value, decimal? max = null)
    {
        if (value <= 0 || value > max) errors.Add($"{key} must be above 0{(max is null ? "" : $" and at most {max}")} (was {value}).");
    }
}
