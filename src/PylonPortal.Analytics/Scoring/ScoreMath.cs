namespace PylonPortal.Analytics.Scoring;

/// <summary>How many decimals each kind of number keeps: what the mart columns store and the pages show.</summary>
public static class ScoreMath
{
    /// <summary>Scores: rounded half away from zero to one decimal (DESIGN section 5).</summary>
    public const int ScoreDecimals = 1;

    /// <summary>Components (0-100) and average CSAT, stored as DECIMAL(9,4): rounded once, to 4 places, on both engines.</summary>
    public const int ComponentDecimals = 4;

    /// <summary>Shares (0-1), stored as DECIMAL(9,6).</summary>
    public const int ShareDecimals = 6;

    public static decimal Round(decimal value) => Math.Round(value, ScoreDecimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Points a component moved a score by, signed: one decimal, or as many more (up to the components' four) as it
    /// takes not to print a move as zero. A band flips on the rounded score, so a few hundredths can cross it, and the
    /// change that says why must not read "0.0 pts".
    /// </summary>
    public static string SignedPoints(decimal points)
    {
        for (var decimals = ScoreDecimals; decimals <= ComponentDecimals; decimals++)
        {
            var shown = Math.Round(points, decimals, MidpointRounding.AwayFromZero);
            if (shown != 0m) return shown.ToString("+0.0###;-0.0###", System.Globalization.CultureInfo.InvariantCulture);
        }
        return "0.0";
    }
}
