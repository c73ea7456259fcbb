namespace PylonPortal.Analytics.Demo;

/// <summary>
/// The demo's only source of randomness: xoshiro256** seeded through SplitMix64. It is small, fast and
/// defined bit for bit, so a seed gives the same rows on every machine and .NET version. Callers use
/// plain arithmetic on its output (no Math.Exp or Math.Log, whose last bit may vary by platform).
/// Each part of the story draws from its own stream (<see cref="For"/>), so more events do not reshuffle the customers.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DemoRandom(int seed, params ReadOnlySpan<long> stream)
    {
        var x = (ulong)(uint)seed;
        foreach (var key in stream) x = SplitMix(ref x) ^ (ulong)key;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for one purpose, derived from the seed.</summary>
    public static DemoRandom For(int seed, DemoStream purpose) => new(seed, (long)purpose);

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, max).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)((NextUInt64() >> 33) % (ulong)max);

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double Between(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>0, 1, 2, ... with the given mean (a geometric count): mostly few, now and then many.</summary>
    public int Geometric(double mean)
    {
        var more = mean / (1 + mean);
        var n = 0;
        while (n < 1000 && Chance(more)) n++;
        return n;
    }

    /// <summary>1, 2, 3, ... with the given mean: a few long sessions, many short ones.</summary>
    public int Count(double mean) => 1 + Geometric(Math.Max(mean, 1) - 1);

    /// <summary>A random (version 4) UUID.</summary>
    public string Uuid() => FormatUuid(NextUInt64(), NextUInt64(), version: 4);

    /// <summary>A time-ordered (version 7) UUID, as PostHog gives events: the first 48 bits are the Unix milliseconds.</summary>
    public string Uuid7(DateTimeOffset at) =>
        FormatUuid(((ulong)at.ToUnixTimeMilliseconds() << 16) | (NextUInt64() >> 48), NextUInt64(), version: 7);

    /// <summary>Letters and digits, e.g. for Salesforce ids.</summary>
    public string Alphanumeric(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, this, (chars, rng) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
        });
    }

    private static string FormatUuid(ulong high, ulong low, int version)
    {
        high = (high & ~0xF000UL) | ((ulong)version << 12);
        low = (low & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL; // RFC 4122 variant
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>The independent random streams of a demo generation.</summary>
internal enum DemoStream
{
    Company = 1,
    Events,
    Issues,
    Accounts,
    Airbyte,
}
