namespace PylonPortal.Analytics.Sources;

/// <summary>The columns Airbyte's MSSQL destination 2.x adds to every raw table.</summary>
public abstract class AirbyteRecord
{
    public string? AirbyteRawId { get; set; }

    /// <summary>Epoch milliseconds (BIGINT). The pipeline's watermark column.</summary>
    public long? AirbyteExtractedAt { get; set; }

    public long? AirbyteGenerationId { get; set; }

    /// <summary>JSON text: <c>{"sync_id":N,"changes":[{"field":..,"change":"NULLED"|"TRUNCATED","reason":..}]}</c>.</summary>
    public string? AirbyteMeta { get; set; }
}

/// <summary>[airbyte].product_events: PostHog events.</summary>
public sealed class RawProductEvent : AirbyteRecord
{
    public string? Uuid { get; set; }
    public string? Event { get; set; }
    public string? DistinctId { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? Properties { get; set; }
    public long? TeamId { get; set; }
}

/// <summary>[airbyte].pylon_users.</summary>
public sealed class RawPylonUser : AirbyteRecord
{
    public string? Id { get; set; }
    public string? OrganizationId { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>[airbyte].pylon_organizations.</summary>
public sealed class RawPylonOrganization : AirbyteRecord
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>[airbyte].pylon_issues: support issues.</summary>
public sealed class RawPylonIssue : AirbyteRecord
{
    public string? Id { get; set; }
    public string? OrganizationId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Priority { get; set; }
    public decimal? CsatScore { get; set; }
}

/// <summary>[salesforce].account, columns named as the Salesforce API names them.</summary>
public sealed class RawSalesforceAccount : AirbyteRecord
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Industry { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? SegmentC { get; set; }
    public string? SeatTierC { get; set; }
    public decimal? CurrentArrC { get; set; }
    public string? PylonOrganizationIdC { get; set; }
    public DateOnly? RenewalDateC { get; set; }
    public string? OwnerEmailC { get; set; }
    public bool? IsDeleted { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    public DateTimeOffset? LastModifiedDate { get; set; }
}
