using System.Globalization;
using MudBlazor;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Web.Components.Shared;

/// <summary>Orgs and ARR of one ARR vs AI-adoption quadrant.</summary>
public sealed record QuadrantTotal(string Quadrant, int Orgs, double Arr);

/// <summary>
/// How the portal shows the four ARR vs AI-adoption quadrants: fixed colours (the same in every chart,
/// card and legend), what each means, and its rule with the thresholds actually configured.
/// </summary>
public static class QuadrantInfo
{
    /// <summary>The order people read them in: the two high-ARR quadrants first, Risk leading.</summary>
    public static readonly IReadOnlyList<string> Ordered =
        [AiAdoptionScore.Risk, AiAdoptionScore.Target, AiAdoptionScore.QuickWins, AiAdoptionScore.Monitor];

    public static bool IsQuadrant(string? name) => name is not null && Ordered.Contains(name);

    public static string Colour(string quadrant) => quadrant switch
    {
        AiAdoptionScore.Target => "#2e7d32",
        AiAdoptionScore.Risk => "#d32f2f",
        AiAdoptionScore.QuickWins => "#1976d2",
        AiAdoptionScore.Monitor => "#8d8d8d",
        _ => "#bdbdbd",
    };

    public static string Meaning(string quadrant) => quadrant switch
    {
        AiAdoptionScore.Target => "High ARR, adopting AI",
        AiAdoptionScore.Risk => "High ARR, not adopting AI",
        AiAdoptionScore.QuickWins => "Adopting AI, low ARR",
        AiAdoptionScore.Monitor => "Low ARR, low AI adoption",
        _ => "",
    };

    /// <summary>The quadrant's rule with the configured thresholds, e.g. "ARR ≥ 50,000 · AI < 50".</summary>
    public static string Rule(string quadrant, ScoringOptions options)
    {
        var arr = options.AiAdoption.HighArrThreshold.ToString("N0", CultureInfo.InvariantCulture);
        var ai = options.AiAdoption.HighAiThreshold.ToString("0.#", CultureInfo.InvariantCulture);
        var (highArr, highAi) = quadrant switch
        {
            AiAdoptionScore.Target => (true, true),
            AiAdoptionScore.Risk => (true, false),
            AiAdoptionScore.QuickWins => (false, true),
            _ => (false, false),
        };
        return $"ARR {(highArr ? "≥" : "<")} {arr} · AI {(highAi ? "≥" : "<")} {ai}";
    }

    /// <summary>The colour of a Customer Health band.</summary>
    public static Color BandColour(string? band) => band switch
    {
        HealthScore.Healthy => Color.Success,
        HealthScore.Watch => Color.Warning,
        HealthScore.AtRisk => Color.Error,
        _ => Color.Default,
    };
}
