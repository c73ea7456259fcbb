using System.Globalization;
using System.Numerics;

namespace PylonPortal.Analytics.Scoring;

/// <summary>
/// An exact rational number. The scores are computed with these and rounded only at the end (DESIGN
/// section 5), so a tie rounds the same everywhere: C# <c>decimal</c> is not exact for thirds
/// (100 * 22 / 30 = 73.333...), and a score that is exactly 63.25 would come out 63.2499... and round down.
/// </summary>
public readonly struct Fraction : IComparable<Fraction>, IEquatable<Fraction>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominator; // > 0 once constructed; default(Fraction) is zero

    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero) (numerator, denominator) = (numerator / gcd, denominator / gcd);
        _numerator = numerator;
        _denominator = denominator;
    }

    private BigInteger Numerator => _numerator;
    private BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public static readonly Fraction Zero = new(0, 1);
    public static readonly Fraction One = new(1, 1);

    public static Fraction Of(long numerator, long denominator) => new(numerator, denominator);

    public static implicit operator Fraction(int value) => new(value, 1);
    public static implicit operator Fraction(long value) => new(value, 1);

    /// <summary>Exact: a decimal is an integer over a power of ten.</summary>
    public static implicit operator Fraction(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        return new Fraction(bits[3] < 0 ? -magnitude : magnitude, BigInteger.Pow(10, scale));
    }

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;
    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);
    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static Fraction Min(Fraction a, Fraction b) => a <= b ? a : b;
    public static Fraction Max(Fraction a, Fraction b) => a >= b ? a : b;
    public static Fraction Clamp(Fraction value, Fraction min, Fraction max) => Max(min, Min(max, value));

    /// <summary>numerator / denominator, or 0 when the denominator is 0.</summary>
    public static Fraction Ratio(Fraction numerator, Fraction denominator) => denominator == Zero ? Zero : numerator / denominator;

    /// <summary>Rounded half away from zero to <paramref name="decimals"/> places, exactly.</summary>
    public decimal Round(int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var twice = 2 * BigInteger.Abs(Numerator) * scale;
        var rounded = (twice + Denominator) / (2 * Denominator); // floor(|x| * scale + 1/2)
        return (decimal)(Numerator.Sign < 0 ? -rounded : rounded) / (decimal)scale;
    }


    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
