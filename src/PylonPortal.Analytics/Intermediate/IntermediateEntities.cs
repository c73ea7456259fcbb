using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Intermediate;

/// <summary>
/// int_org_account: the one Salesforce account of each org (DESIGN section 4): not deleted, linked by
/// Pylon_Organization_Id__c; among several, highest Current_ARR__c (NULL lowest), then latest
/// LastModifiedDate, then smallest Id.
/// </summary>
public sealed class IntOrgAccount
{
    public string OrgId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }
    public string? Industry { get; set; }
    public string? Segment { get; set; }
    public string? SeatTier { get; set; }
    public decimal? CurrentArr { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public DateOnly? RenewalDate { get; set; }
    public string? OwnerEmail { get; set; }
}

/// <summary>
/// int_org_event_daily: one row per org, day and event name with its count, so the daily mart's top event and
/// the pages' event tables read a few rows per org-day rather than every event. The name is its event_classification
/// id, as in staging; the name and its category are a join away.
/// </summary>
public sealed class IntOrgEventDaily
{
    public string OrgId { get; set; } = "";
    public DateOnly ActivityDate { get; set; }
    public int EventId { get; set; }
    public int EventCount { get; set; }

    /// <summary>Events of users (distinct_id not org-...), for avg_events_per_user.</summary>
    public int UserEventCount { get; set; }
}

/// <summary>int_org_user_daily: one row per org, user and day, so windows can count distinct users.</summary>
public sealed class IntOrgUserDaily
{
    public string OrgId { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateOnly ActivityDate { get; set; }
    public int EventCount { get; set; }
    public int AiEventCount { get; set; }
}

/// <summary>
/// int_org_spine: every org the derived marts have rows for (pylon_organizations plus any org with
/// activity) and its first as-of date: the UTC date of created_at, or the first date of the calendar.
/// </summary>
public sealed class IntOrgSpine
{
    public string OrgId { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? CreatedDate { get; set; }
}

/// <summary>int_calendar: every date from the first to the last activity_date of the whole dataset.</summary>
public sealed class IntCalendarDate
{
    public DateOnly Date { get; set; }
}

internal sealed class IntermediateConfiguration :
    IEntityTypeConfiguration<IntOrgAccount>, IEntityTypeConfiguration<IntOrgUserDaily>, IEntityTypeConfiguration<IntOrgEventDaily>,
    IEntityTypeConfiguration<IntOrgSpine>, IEntityTypeConfiguration<IntCalendarDate>
{
    public void Configure(EntityTypeBuilder<IntOrgAccount> e)
    {
        e.ToTable("int_org_account", Schemas.Pipeline);
        e.HasKey(x => x.OrgId);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.AccountId).IsOrdinal();
        e.Property(x => x.AccountName).HasMaxLength(TextLengths.Name);
        e.Property(x => x.Industry).HasMaxLength(TextLengths.Label);
        e.Property(x => x.Segment).HasMaxLength(TextLengths.Label);
        e.Property(x => x.SeatTier).HasMaxLength(TextLengths.Label);
        e.Property(x => x.OwnerEmail).HasMaxLength(TextLengths.Email);
        e.Property(x => x.CurrentArr).HasPrecision(38, 8);
        e.Property(x => x.AnnualRevenue).HasPrecision(38, 8);
    }

    public void Configure(EntityTypeBuilder<IntOrgUserDaily> e)
    {
        e.ToTable("int_org_user_daily", Schemas.Marts);
        e.HasKey(x => new { x.OrgId, x.ActivityDate, x.UserId });
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.UserId).IsOrdinal();
    }

    public void Configure(EntityTypeBuilder<IntOrgEventDaily> e)
    {
        e.ToTable("int_org_event_daily", Schemas.Marts);
        e.HasKey(x => new { x.OrgId, x.ActivityDate, x.EventId });
        e.Property(x => x.OrgId).IsOrdinal();
    }

    public void Configure(EntityTypeBuilder<IntOrgSpine> e)
    {
        e.ToTable("int_org_spine", Schemas.Pipeline);
        e.HasKey(x => x.OrgId);
        e.Property(x => x.OrgId).IsOrdinal();
    }

    public void Configure(EntityTypeBuilder<IntCalendarDate> e)
    {
        e.ToTable("int_calendar", Schemas.Pipeline);
        e.HasKey(x => x.Date);
    }
}
