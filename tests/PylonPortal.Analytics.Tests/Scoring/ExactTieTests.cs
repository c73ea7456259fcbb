using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Marts.AiAdoption;
using System.Numerics;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

/// <summary>
/// Scores that land exactly on a tie (x.x5) must round half away from zero, as exact rational arithmetic
/// would (DESIGN section 5). C# decimal cuts thirds off, so some exact ties came out one step low. Each
/// expected value here comes from <see cref="Q"/>, an exact rational written for the test, not from the
/// production <see cref="Fraction"/>.
/// </summary>
public class ExactTieTests
{
    private static readonly ScoringOptions Defaults = new();
    private const int TiesPerScore = 250;

    [Fact]
    public void Health_of_exactly_63_25_rounds_to_63_3_and_readiness_follows()
    {
        // usage = 0.5 * (100 * 22/30) + 0.5 * (50 + 50 * (508/480 - 1)) = 36.666... + 26.458333... = 63.125
        // health = 0.40 * 63.125 + 0.25 * 100 + 0.20 * 50 + 0.15 * 20 = 25.25 + 25 + 10 + 3 = 63.25 -> 63.3
        var health = HealthScore.Compute(new HealthInputs(508, 480, 22, 7, 7, 0, null, 23, false), Defaults);
        Assert.Equal(63.125m, health.Usage);
        Assert.Equal(63.3m, health.Score);

        // readiness = 0.60 * 63.3 + 0.25 * 100 * 50,000/250,000 + 0.15 * 100 * 365/730 = 37.98 + 5 + 7.5 = 50.48 -> 50.5
        var readiness = ReadinessScore.Compute(new ReadinessInputs(health.Score, 50_000m, 365, true), Defaults);
        Assert.Equal(50.5m, readiness.Score);
    }

    [Fact]
    public void Generated_health_ties_round_half_away_from_zero()
    {
        var random = new Random(20261202);
        var ties = 0;
        for (var attempt = 0; ties < TiesPerScore && attempt < 2_000_000; attempt++)
        {
            var orgUsers = random.Next(0, 13);
            var ratings = random.Next(0, 4);
            var ratingSum = Enumerable.Range(0, ratings).Sum(_ => random.Next(1, 6));
            var x = new HealthInputs(
                Events30d: random.Next(0, 700), EventsPrev30d: random.Next(0, 700), ActiveDays30d: random.Next(0, 31),
                ActiveUsers30d: random.Next(0, orgUsers + 2), OrgUserCount: orgUsers, UrgentIssues30d: random.Next(0, 4),
                AvgCsat30d: ratings == 0 ? null : Fraction.Of(ratingSum, ratings),
                DaysToRenewal: random.Next(0, 5) == 0 ? null : random.Next(-10, 400), PriorWindowBeforeHistory: random.Next(0, 6) == 0);

            var exact = ExactHealth(x, ratingSum, ratings);
            if (!exact.IsTieAtOneDecimal) continue;
            ties++;
            Assert.True(exact.RoundHalfAwayFromZero(1) == HealthScore.Compute(x, Defaults).Score, $"{x}: exact {exact}");
        }
        Assert.Equal(TiesPerScore, ties);
    }

    [Fact]
    public void Generated_ai_adoption_ties_round_half_away_from_zero()
    {
        var random = new Random(7);
        var ties = 0;
        for (var attempt = 0; ties < TiesPerScore && attempt < 2_000_000; attempt++)
        {
            var total = random.Next(0, 900);
            var activeUsers = random.Next(0, 15);
            var x = new AiAdoptionInputs(total, random.Next(0, total + 1), random.Next(0, 31), activeUsers, random.Next(0, activeUsers + 1), 60_000m);

            var exact = ExactAiAdoption(x);
            if (!exact.IsTieAtOneDecimal) continue;
            ties++;
            Assert.True(exact.RoundHalfAwayFromZero(1) == AiAdoptionScore.Compute(x, Defaults).Score, $"{x}: exact {exact}");
        }
        Assert.Equal(TiesPerScore, ties);
    }

    [Fact]
    public void Generated_readiness_ties_round_half_away_from_zero()
    {
        var random = new Random(11);
        var ties = 0;
        for (var attempt = 0; ties < TiesPerScore && attempt < 2_000_000; attempt++)
        {
            var x = new ReadinessInputs(random.Next(0, 1001) / 10m, random.Next(0, 400_000), random.Next(0, 1000), true);

            var exact = Q.Of(60, 100) * Q.FromDecimal(x.RoundedHealthScore)
                        + Q.Of(25, 100) * 100 * Q.Min(1, Q.FromDecimal(x.CurrentArr!.Value) / 250_000)
                        + Q.Of(15, 100) * 100 * Q.Min(1, Q.Of(x.DaysSinceCreated!.Value, 730));
            if (!exact.IsTieAtOneDecimal) continue;
            ties++;
            Assert.True(exact.RoundHalfAwayFromZero(1) == ReadinessScore.Compute(x, Defaults).Score, $"{x}: exact {exact}");
        }
        Assert.Equal(TiesPerScore, ties);
    }

    private static Q ExactHealth(HealthInputs x, int ratingSum, int ratings)
    {
        var trend = x.PriorWindowBeforeHistory
            ? (Q)50
            : Q.Clamp(50 + 50 * (Q.Of(x.Events30d, Math.Max(x.EventsPrev30d, 1)) - 1), 0, 100);
        var usage = Q.Of(1, 2) * 100 * Q.Of(x.ActiveDays30d, 30) + Q.Of(1, 2) * trend;
        var engagement = x.OrgUserCount == 0 ? (Q)0 : 100 * Q.Min(1, Q.Of(x.ActiveUsers30d, x.OrgUserCount));
        var sentiment = ratings == 0 ? (Q)50 : 100 * (Q.Of(ratingSum, ratings) - 1) / 4;
        var support = Q.Clamp(sentiment - 10 * x.UrgentIssues30d, 0, 100);
        var renewal = x.DaysToRenewal switch { null => 50, < 0 => 0, <= 30 => 20, <= 90 => 40, <= 180 => 70, _ => 100 };
        return Q.Of(40, 100) * usage + Q.Of(25, 100) * engagement + Q.Of(20, 100) * support + Q.Of(15, 100) * renewal;
    }

    private static Q ExactAiAdoption(AiAdoptionInputs x)
    {
        var eventShare = x.TotalEvents30d == 0 ? (Q)0 : Q.Of(x.AiEvents30d, x.TotalEvents30d);
        var userShare = x.ActiveUsers30d == 0 ? (Q)0 : Q.Of(x.AiUsers30d, x.ActiveUsers30d);
        return Q.Of(40, 100) * 100 * Q.Of(x.AiActiveDays30d, 30)
               + Q.Of(30, 100) * 100 * Q.Min(1, eventShare / Q.Of(25, 100))
               + Q.Of(30, 100) * 100 * userShare;
    }

    /// <summary>The test's own exact rational: numerator over a positive denominator.</summary>
    private readonly record struct Q(BigInteger N, BigInteger D)
    {
        public static Q Of(BigInteger n, BigInteger d) => d.Sign < 0 ? new(-n, -d) : new(n, d);
        public static Q FromDecimal(decimal value)
        {
            var bits = decimal.GetBits(value); // 96-bit integer, sign and a power-of-ten scale
            var magnitude = new BigInteger((uint)bits[0]) | new BigInteger((uint)bits[1]) << 32 | new BigInteger((uint)bits[2]) << 64;
            return Of(value < 0 ? -magnitude : magnitude, BigInteger.Pow(10, value.Scale));
        }

        public static implicit operator Q(int value) => new(value, 1);
        public static Q operator +(Q a, Q b) => Of(a.N * b.D + b.N * a.D, a.D * b.D);
        public static Q operator -(Q a, Q b) => Of(a.N * b.D - b.N * a.D, a.D * b.D);
        public static Q operator *(Q a, Q b) => Of(a.N * b.N, a.D * b.D);
        public static Q operator /(Q a, Q b) => Of(a.N * b.D, a.D * b.N);
        private static int Compare(Q a, Q b) => (a.N * b.D).CompareTo(b.N * a.D);
        public static Q Min(Q a, Q b) => Compare(a, b) <= 0 ? a : b;
        public static Q Clamp(Q value, Q min, Q max) => Compare(value, min) < 0 ? min : Compare(value, max) > 0 ? max : value;

        /// <summary>Exactly halfway between two one-decimal values: 20 * value is an odd integer.</summary>
        public bool IsTieAtOneDecimal => (N * 20 % D).IsZero && !(N * 20 / D).IsEven;

        public decimal RoundHalfAwayFromZero(int decimals)
        {
            var scale = BigInteger.Pow(10, decimals);
            var twice = 2 * BigInteger.Abs(N) * scale;
            var rounded = (twice + D) / (2 * D); // floor(|x| * scale + 1/2)
            return (decimal)(N.Sign < 0 ? -rounded : rounded) / (decimal)scale;
        }

        public override string ToString() => $"{N}/{D} = {(double)N / (double)D}";
    }
}
