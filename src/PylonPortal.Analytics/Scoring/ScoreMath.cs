namespace PylonPortal.Analytics.Scoring;

/// <summary>Exact decimal helpers shared by the formulas: scores round half away from zero to one decimal.</summary>
public static class ScoreMath
{
    public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static decimal Clamp(decimal value, decimal min = 0m, decimal max = 100m) => Math.Clamp(value, min, max);

    /// <summary>numerator / denominator, or 0 when the denominator is 0.</summary>
    public static decimal Ratio(decimal numerator, decimal denominator) => denominator == 0 ? 0m : numerator / denominator;
}
