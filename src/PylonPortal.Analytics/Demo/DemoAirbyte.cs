using System.Globalization;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Demo;

/// <summary>
/// How Airbyte lands the rows: hourly syncs at five past the hour, each row extracted by the first sync
/// after it happened (a few minutes of processing later), numbered <c>sync_id</c>s, and a raw id per row.
/// History older than the window arrived with the initial full sync the day before the window starts.
/// </summary>
internal sealed class DemoAirbyte(DemoWindow window, DemoRandom random)
{
    public const long GenerationId = 1;
    private const long Hour = 3_600_000;
    private const long SyncMinute = 5 * 60_000;

    private readonly long _initialSync = window.Start(-1).AddHours(2).ToUnixTimeMilliseconds() + SyncMinute;
    private readonly long _now = window.Now.ToUnixTimeMilliseconds();
    private readonly Dictionary<long, string> _cleanMeta = [];

    /// <summary>The initial full sync: when everything that existed before the window was extracted.</summary>
    public long InitialSync => _initialSync;

    /// <summary>The first hourly sync after <paramref name="happened"/>, plus processing time; never after now.</summary>
    public long SyncAfter(DateTimeOffset happened)
    {
        var ms = Math.Max(happened.ToUnixTimeMilliseconds(), _initialSync);
        var sync = (ms - SyncMinute) / Hour * Hour + Hour + SyncMinute;
        return Math.Min(sync + random.Next(240_000), _now);
    }

    /// <summary>When a row was extracted: a row that existed before the window came with the initial sync.</summary>
    public long ExtractedAt(DateTimeOffset happened) =>
        happened < window.Start(0) ? _initialSync + random.Next(600_000) : SyncAfter(happened);

    /// <summary>Stamps the Airbyte columns on a row: a clean <c>_airbyte_meta</c> unless <paramref name="changes"/> says what Airbyte altered.</summary>
    public T Stamp<T>(T row, long extractedAt, string? changes = null) where T : AirbyteRecord
    {
        row.AirbyteRawId = random.Uuid();
        row.AirbyteExtractedAt = extractedAt;
        row.AirbyteGenerationId = GenerationId;
        row.AirbyteMeta = changes is null ? CleanMeta(SyncId(extractedAt)) : Meta(SyncId(extractedAt), changes);
        return row;
    }

    /// <summary>Airbyte cut a value to the destination's size limit.</summary>
    public static string Truncated(string field) =>
        $$"""{"field":"{{field}}","change":"TRUNCATED","reason":"DESTINATION_FIELD_SIZE_LIMITATION"}""";

    /// <summary>Airbyte could not write a value and wrote NULL instead.</summary>
    public static string Nulled(string field) =>
        $$"""{"field":"{{field}}","change":"NULLED","reason":"DESTINATION_SERIALIZATION_ERROR"}""";

    /// <summary>Hourly syncs counted from the initial sync (number 1).</summary>
    private long SyncId(long extractedAt) => 1 + (extractedAt - _initialSync) / Hour;

    private string CleanMeta(long syncId)
    {
        if (!_cleanMeta.TryGetValue(syncId, out var meta))
            _cleanMeta[syncId] = meta = Meta(syncId, "");
        return meta;
    }

    private static string Meta(long syncId, string changes) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"sync_id":{{syncId}},"changes":[{{changes}}]}""");
}
