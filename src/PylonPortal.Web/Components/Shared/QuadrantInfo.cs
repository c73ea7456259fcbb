using PylonPortal.Analytics.Marts.AiAdoption;
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

    /// <summary>The quadrant's colour in charts, cards and legends.</summary>
    public static string Colour(string quadrant) => Style(quadrant).Hex;

    /// <summary>The same colour as a MudBlazor palette colour, for chips and verdicts.</summary>
    public static Color ChipColour(string quadrant) => Style(quadrant).Chip;

    // One table for both: a chart and a chip of the same quadrant never disagree, nor do their fallbacks.
    private static (string Hex, Color Chip) Style(string quadrant) => quadrant switch
    {
        AiAdoptionScore.Target => ("#2e7d32", Color.Success),
        AiAdoptionScore.Risk => ("#d32f2f", Color.Error),
        AiAdoptionScore.QuickWins => ("#1976d2", Color.Info),
        AiAdoptionScore.Monitor => ("#8d8d8d", Color.Default),
        _ => ("#bdbdbd", Color.Default),
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
}
