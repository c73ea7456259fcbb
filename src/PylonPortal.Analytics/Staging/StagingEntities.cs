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

/// <summary>
/// stg_product_events: one row per event uuid, lean (what the marts read: keys, date, event, flags). The event
/// name is its event_classification row's id, which also gives its category: a 2M-event full build wrote
/// 530 MB of staging instead of 640 MB, and built it in 7.5 s instead of 11.7 s (4 Dec, sqlite3 shell).
/// The latest copy of a uuid is staged even when it is invalid (<see cref="RejectReason"/>): it hides older
/// valid copies, as DESIGN section 3 rule 1 asks.
/// </summary>
public class StgProductEvent : StagedRow
{
    /// <summary>Surrogate key: the insertion order, which breaks ties between two copies of the very same version.</summary>
    public long Id { get; set; }

    /// <summary>The index on <see cref="Uuid"/> (EF Core's own name for it), which a full build creates before the others.</summary>
    public const string UuidIndex = "IX_stg_product_events_uuid";

    public string Uuid { get; set; } = "";

    /// <summary>The name's <see cref="EventClassification.Id"/>; NULL when the name cannot be staged (missing, too long, ...).</summary>
    public int? EventId { get; set; }

    public string? DistinctId { get; set; }

    /// <summary>UTC calendar date of <c>timestamp</c>.</summary>
    public DateOnly? ActivityDate { get; set; }

    /// <summary>Why the event counts for nothing (<see cref="RejectReasons"/>); NULL when it is valid.</summary>
    public string? RejectReason { get; set; }

    /// <summary><c>distinct_id</c> starts with <c>org-</c>: a system-level event, not a user.</summary>
    public bool IsSystem { get; set; }

    /// <summary>The attributed org; NULL when rejected or unattributed.</summary>
    public string? OrgId { get; set; }
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
    /// <summary>Surrogate key: what a staged event stores instead of its name.</summary>
    public int Id { get; set; }

    public string Event { get; set; } = "";
    public string Category { get; set; } = "";
}

// The load_* tables hold one incremental run's batch, already typed and transformed, with the columns of
// their stg_* table, so replacing a staged row is a plain copy. The small sources' load rows also say why
// a row is rejected: a rejected latest row removes its key from staging (an older copy does not stand in).
public sealed class LoadProductEvent : StgProductEvent;
public sealed class LoadUser : StgUser, IRejectable { public string? RejectReason { get; set; } }
public sealed class LoadOrganization : StgOrganization, IRejectable { public string? RejectReason { get; set; } }
public sealed class LoadIssue : StgIssue, IRejectable { public string? RejectReason { get; set; } }
public sealed class LoadAccount : StgAccount, IRejectable { public string? RejectReason { get; set; } }

/// <summary>A load row that may be rejected (<see cref="RejectReasons"/>).</summary>
public interface IRejectable
{
    string? RejectReason { get; }
}
