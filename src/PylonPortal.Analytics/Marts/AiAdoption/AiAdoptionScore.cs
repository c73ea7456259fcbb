using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts.AiAdoption;

/// <summary>What the Effective AI Adoption Score is computed from: one org's last 30 days (W30).</summary>
public sealed record AiAdoptionInputs(
    int TotalEvents30d, int AiEvents30d, int AiActiveDays30d, int ActiveUsers30d, int AiUsers30d, decimal? CurrentArr);

/// <summary>The Effective AI Adoption Score with its components and the ARR vs AI quadrant (DESIGN section 5).</summary>
public sealed record AiAdoptionScore(
    decimal AiEventShare, decimal AiUserShare,
    decimal Frequency, decimal Intensity, decimal Breadth, decimal Score, string Quadrant)
{
    public const string Target = "Target";
    public const string Risk = "Risk";
    public const string QuickWins = "Quick Wins";
    public const string Monitor = "Monitor";

    /// <summary>Exact arithmetic (<see cref="Fraction"/>), rounded once at the end.</summary>
    public static AiAdoptionScore Compute(AiAdoptionInputs x, ScoringOptions options)
    {
        var o = options.AiAdoption;
        var eventShare = Fraction.Ratio(x.AiEvents30d, x.TotalEvents30d);
        var userShare = Fraction.Ratio(x.AiUsers30d, x.ActiveUsers30d);

        var frequency = 100 * Fraction.Of(x.AiActiveDays30d, 30);
        var intensity = 100 * Fraction.Min(1, eventShare / o.FullIntensityShare);
        var breadth = 100 * userShare;
        var score = (o.FrequencyWeight * frequency + o.IntensityWeight * intensity + o.BreadthWeight * breadth).Round(ScoreMath.ScoreDecimals);

        return new AiAdoptionScore(eventShare.Round(ScoreMath.ShareDecimals), userShare.Round(ScoreMath.ShareDecimals),
            frequency.Round(ScoreMath.ComponentDecimals), intensity.Round(ScoreMath.ComponentDecimals), breadth.Round(ScoreMath.ComponentDecimals), score, QuadrantFor(x.CurrentArr, score, o));
    }

    /// <summary>Compares the rounded score, so a reader can place an org from the numbers on the page.</summary>
    public static string QuadrantFor(decimal? currentArr, decimal roundedScore, ScoringOptions.AiAdoptionSettings o)
    {
        var highArr = currentArr >= o.HighArrThreshold;
        var highAi = roundedScore >= o.HighAiThreshold;
        return (highArr, highAi) switch
        {
            (true, true) => Target,
            (true, false) => Risk,
            (false, true) => QuickWins,
            (false, false) => Monitor,
        };
    }
}
