using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

/// <summary>
/// A component's move, as the changes page and the digest print it. A band flips on the rounded score, so the
/// component that moved most may have moved a few hundredths; that must not print as "0.0 pts" (nor lose its sign).
/// </summary>
public class SignedPointsTests
{
    [Theory]
    [InlineData("-12.5", "-12.5")]
    [InlineData("3", "+3.0")]
    [InlineData("0.05", "+0.1")] // half away from zero, as scores round
    [InlineData("-0.05", "-0.1")]
    [InlineData("-0.03", "-0.03")]
    [InlineData("0.049", "+0.05")]
    [InlineData("0.0042", "+0.004")]
    [InlineData("-0.0001", "-0.0001")] // the smallest stored move: components keep four decimals
    [InlineData("0", "0.0")]
    public void A_move_prints_signed_with_the_decimals_it_needs_to_show_it_moved(string points, string expected) =>
        Assert.Equal(expected, ScoreMath.SignedPoints(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)));
}
