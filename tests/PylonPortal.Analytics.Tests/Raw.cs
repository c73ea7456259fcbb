using System.Globalization;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Tests;

/// <summary>Terse raw rows for hand-computed fixtures. Timestamps are ISO 8601 text; extraction times epoch ms.</summary>
public static class Raw
{
    private static int _rawIds;

    public static DateTimeOffset Ts(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string NextRawId() => $"raw-{Interlocked.Increment(ref _rawIds):D8}";

    public static RawProductEvent Event(string? uuid, string? name, string? distinctId, string? timestamp,
        long extractedAt = 1_000, string? rawId = null, string? meta = null) => new()
    {
        Uuid = uuid, Event = name, DistinctId = distinctId, Timestamp = timestamp is null ? null : Ts(timestamp),
        AirbyteExtractedAt = extractedAt, AirbyteRawId = rawId ?? NextRawId(), AirbyteMeta = meta ?? """{"sync_id":1,"changes":[]}""",
    };

    public static RawPylonUser User(string? id, string? orgId, long extractedAt = 1_000, string? email = null) => new()
    {
        Id = id, OrganizationId = orgId, Email = email ?? $"{id}@example.com", Name = id,
        CreatedAt = Ts("2023-01-01T00:00:00Z"), AirbyteExtractedAt = extractedAt, AirbyteRawId = NextRawId(),
    };

    public static RawPylonOrganization Org(string? id, string? name = null, string? createdAt = "2022-01-01T00:00:00Z", long extractedAt = 1_000) => new()
    {
        Id = id, Name = name ?? $"{id} Inc", Domain = $"{id}.example.com", CreatedAt = createdAt is null ? null : Ts(createdAt),
        AirbyteExtractedAt = extractedAt, AirbyteRawId = NextRawId(),
    };

    public static RawSalesforceAccount Account(string? id, string? orgId, decimal? arr, string? lastModified = "2024-01-01T00:00:00Z",
        bool? deleted = false, string? renewal = null, long extractedAt = 1_000, string? name = null, string? owner = null) => new()
    {
        Id = id, PylonOrganizationIdC = orgId, CurrentArrC = arr, AnnualRevenue = arr * 10, Name = name ?? $"{id} account",
        Industry = "Software", SegmentC = "Mid-Market", SeatTierC = "Growth", IsDeleted = deleted,
        LastModifiedDate = lastModified is null ? null : Ts(lastModified), CreatedDate = Ts("2022-01-01T00:00:00Z"),
        RenewalDateC = renewal is null ? null : DateOnly.Parse(renewal, CultureInfo.InvariantCulture),
        OwnerEmailC = owner ?? "csm@example.com", AirbyteExtractedAt = extractedAt, AirbyteRawId = NextRawId(),
    };

    public static RawPylonIssue Issue(string? id, string? orgId, string createdAt, string? priority = "low", decimal? csat = null, long extractedAt = 1_000) => new()
    {
        Id = id, OrganizationId = orgId, CreatedAt = Ts(createdAt), Priority = priority, CsatScore = csat,
        AirbyteExtractedAt = extractedAt, AirbyteRawId = NextRawId(),
    };
}
