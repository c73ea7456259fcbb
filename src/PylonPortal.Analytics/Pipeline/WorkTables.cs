using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Pipeline;

// What one run must recompute (DESIGN section 1). Emptied at the start of every run; builds never
// overlap, so one set of tables serves every run.

/// <summary>work_touched_days: an (org, activity_date) a new or superseded event row can change.</summary>
public sealed class TouchedDay
{
    public string OrgId { get; set; } = "";
    public DateOnly ActivityDate { get; set; }
}

/// <summary>work_touched_orgs: an org whose every date is recomputed, and why (users, organizations, accounts, issues).</summary>
public sealed class TouchedOrg
{
    public string OrgId { get; set; } = "";
    public string Source { get; set; } = "";
}

/// <summary>work_touched_as_of: an (org, as_of_date) of the derived marts to recompute.</summary>
public sealed class TouchedAsOf
{
    public string OrgId { get; set; } = "";
    public DateOnly AsOfDate { get; set; }
}

internal sealed class WorkTablesConfiguration :
    IEntityTypeConfiguration<TouchedDay>, IEntityTypeConfiguration<TouchedOrg>, IEntityTypeConfiguration<TouchedAsOf>
{
    public void Configure(EntityTypeBuilder<TouchedDay> e)
    {
        e.ToTable("work_touched_days", Schemas.Pipeline);
        e.HasKey(x => new { x.OrgId, x.ActivityDate });
        e.Property(x => x.OrgId).IsOrdinal();
    }

    public void Configure(EntityTypeBuilder<TouchedOrg> e)
    {
        e.ToTable("work_touched_orgs", Schemas.Pipeline);
        e.HasNoKey();
        e.HasIndex(x => x.OrgId);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.Source).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<TouchedAsOf> e)
    {
        e.ToTable("work_touched_as_of", Schemas.Pipeline);
        e.HasKey(x => new { x.OrgId, x.AsOfDate });
        e.Property(x => x.OrgId).IsOrdinal();
    }
}
