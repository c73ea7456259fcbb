using System.Globalization;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Tests;

/// <summary>Terse raw rows for hand-computed fixtures. Timestamps are ISO 8601 text; extraction times epoch ms.</summary>
public static class Raw
{
    private static int _rawIds;

    /// <summary>
    /// The fixtures' sync: extracted early on 31 March 2024 (UTC), after every fixture event happened (a timestamp more than
    /// a day after its own extraction is rejected as "future") and before the tests' "now" (12:00 that day).
    /// </summary>
    public static readonly long SyncEpoch = new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>An extraction time <paramref name="ms"/> milliseconds into the fixtures' sync: later syncs are larger.</summary>
    public static long At(long ms) => SyncEpoch + ms;

    public static DateTimeOffset Ts(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string NextRawId() => $"raw-{Interlocked.Increment(ref _rawIds):D8}";

    public static RawProductEvent Event(string? uuid, string? name, string? distinctId, string? timestamp,
        long? extractedAt = null, string? rawId = null, string? meta = null) => new()
    {
        Uuid = uuid, Event = name, DistinctId = distinctId, Timestamp = timestamp is null ? null : Ts(timestamp),
        AirbyteExtractedAt = extractedAt ?? At(1_000), AirbyteRawId = rawId ?? NextRawId(), AirbyteMeta = meta ?? """{"sync_id":1,"changes":[]}""",
    };

    public static RawPylonUser User(string? id, string? orgId, long? extractedAt = null, string? email = null) => new()
    {
        Id = id, OrganizationId = orgId, Email = email ?? $"{id}@example.com", Name = id,
        CreatedAt = Ts("2023-01-01T00:00:00Z"), AirbyteExtractedAt = extractedAt ?? At(1_000), AirbyteRawId = NextRawId(),
    };

    public static RawPylonOrganization Org(string? id, string? name = null, string? createdAt = "2022-01-01T00:00:00Z", long? extractedAt = null) => new()
    {
        Id = id, Name = name ?? $"{id} Inc", Domain = $"{id}.example.com", CreatedAt = createdAt is null ? null : Ts(createdAt),
        AirbyteExtractedAt = extractedAt ?? At(1_000), AirbyteRawId = NextRawId(),
    };

    public static RawSalesforceAccount Account(string? id, string? orgId, decimal? arr, string? lastModified = "2024-01-01T00:00:00Z",
        bool? deleted = false, string? renewal = null, long? extractedAt = null, string? name = null, string? owner = null) => new()
    {
        Id = id, PylonOrganizationIdC = orgId, CurrentArrC = arr, AnnualRevenue = arr * 10, Name = name ?? $"{id} account",
        Industry = "Software", SegmentC = "Mid-Market", SeatTierC = "Growth", IsDeleted = deleted,
        LastModifiedDate = lastModified is null ? null : Ts(lastModified), CreatedDate = Ts("2022-01-01T00:00:00Z"),
        RenewalDateC = renewal is null ? null : DateOnly.Parse(renewal, CultureInfo.InvariantCulture),
        OwnerEmailC = owner ?? "csm@example.com", AirbyteExtractedAt = extractedAt ?? At(1_000), AirbyteRawId = NextRawId(),
    };

    public static RawPylonIssue Issue(string? id, string? orgId, string createdAt, string? priority = "low", decimal? csat = null, long? extractedAt = null) => new()
    {
        Id = id, OrganizationId = orgId, CreatedAt = Ts(createdAt), Priority = priority, CsatScore = csat,
        AirbyteExtractedAt = extractedAt ?? At(1_000), AirbyteRawId = NextRawId(),
    };
}
