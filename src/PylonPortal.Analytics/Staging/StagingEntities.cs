namespace PylonPortal.Analytics.Staging;

/// <summary>
/// The latest extracted row of each source key, typed and indexed (DESIGN section 3).
/// <see cref="ExtractedAt"/> and <see cref="RawId"/> are that row's version: a newer raw row replaces it.
/// </summary>
public abstract class StagedRow
{
    public long? ExtractedAt { get; set; }
    public string? RawId { get; set; }

    /// <summary>Airbyte nulled or truncated a field (<c>_airbyte_meta.changes</c> non-empty): kept, and counted.</summary>
    public bool HasAirbyteChanges { get; set; }
}

/// <summary>stg_product_events: one row per event uuid, invalid winners included (they hide older valid copies).</summary>
public class StgProductEvent : StagedRow
{
    public string Uuid { get; set; } = "";
    public string? Event { get; set; }
    public string? DistinctId { get; set; }
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>UTC calendar date of <see cref="Timestamp"/>.</summary>
    public DateOnly? ActivityDate { get; set; }

    /// <summary>The first required field that is NULL (event, distinct_id, timestamp); NULL when the row is valid.</summary>
    public string? MissingField { get; set; }

    /// <summary><c>distinct_id</c> starts with <c>org-</c>: a system-level event, not a user.</summary>
    public bool IsSystem { get; set; }

    /// <summary>The attributed org; NULL when invalid or unattributed.</summary>
    public string? OrgId { get; set; }

    public string? Category { get; set; }
}

/// <summary>stg_pylon_users.</summary>
public class StgUser : StagedRow
{
    public string Id { get; set; } = "";
    public string? OrganizationId { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>stg_pylon_organizations.</summary>
public class StgOrganization : StagedRow
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>UTC date of <see cref="CreatedAt"/>: where the org's as-of dates start.</summary>
    public DateOnly? CreatedDate { get; set; }
}

/// <summary>stg_pylon_issues.</summary>
public class StgIssue : StagedRow
{
    public string Id { get; set; } = "";
    public string? OrganizationId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateOnly? CreatedDate { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Priority { get; set; }

    /// <summary>csat_score when it is a rating (1-5); NULL otherwise.</summary>
    public decimal? CsatScore { get; set; }

    public bool IsUrgent { get; set; }
}

/// <summary>stg_salesforce_accounts.</summary>
public class StgAccount : StagedRow
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Industry { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? Segment { get; set; }
    public string? SeatTier { get; set; }
    public decimal? CurrentArr { get; set; }
    public string? PylonOrganizationId { get; set; }
    public DateOnly? RenewalDate { get; set; }
    public string? OwnerEmail { get; set; }
    public bool IsDeleted { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    public DateTimeOffset? LastModifiedDate { get; set; }
}

/// <summary>event_classification: each distinct event name and its feature category (<see cref="EventClassifier"/>).</summary>
public sealed class EventClassification
{
    public string Event { get; set; } = "";
    public string Category { get; set; } = "";
}

// The load_* tables hold one run's batch: the latest raw row per key among the rows extracted since the
// watermark, already typed and transformed. They have the columns of their stg_* table, so replacing a
// staged row is a plain copy.
public sealed class LoadProductEvent : StgProductEvent;
public sealed class LoadUser : StgUser;
public sealed class LoadOrganization : StgOrganization;
public sealed class LoadIssue : StgIssue;
public sealed class LoadAccount : StgAccount;
