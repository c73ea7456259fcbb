using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Marts.OrgDailyActivity;

/// <summary>fct_org_daily_activity: one row per org and UTC day with at least one attributed event (DESIGN section 4).</summary>
public sealed class OrgDailyActivityRow
{
    public string OrgId { get; set; } = "";
    public string? OrgName { get; set; }
    public string? OrgDomain { get; set; }
    public DateTimeOffset? OrgCreatedDate { get; set; }
    public DateOnly ActivityDate { get; set; }
    public int TotalEventCount { get; set; }
    public int UniqueUserCount { get; set; }
    public int DistinctEventTypes { get; set; }
    public int DistinctFeatureCategories { get; set; }
    public string? TopEventType { get; set; }
    public int? TopEventCount { get; set; }
    public decimal AvgEventsPerUser { get; set; }
    public int IssueEvents { get; set; }
    public int AiEvents { get; set; }
    public int FrontendEvents { get; set; }
    public int KbEvents { get; set; }
    public string? FeatureCategoriesUsed { get; set; }
    public string? SalesforceAccountName { get; set; }
    public string? Industry { get; set; }
    public string? AccountSegment { get; set; }
    public string? SeatTier { get; set; }
    public double? CurrentArr { get; set; }
    public double? AnnualRevenue { get; set; }
    public bool IsPayingCustomer { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}

internal sealed class OrgDailyActivityConfiguration : IEntityTypeConfiguration<OrgDailyActivityRow>
{
    public void Configure(EntityTypeBuilder<OrgDailyActivityRow> e)
    {
        e.ToTable("fct_org_daily_activity", Schemas.Marts);
        e.HasKey(x => new { x.OrgId, x.ActivityDate });
        e.HasIndex(x => x.ActivityDate);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.OrgName).HasMaxLength(400);
        e.Property(x => x.OrgDomain).HasMaxLength(400);
        e.Property(x => x.TopEventType).IsOrdinal(400);
        e.Property(x => x.AvgEventsPerUser).HasPrecision(18, 2);
        e.Property(x => x.FeatureCategoriesUsed).HasMaxLength(100);
        e.Property(x => x.SalesforceAccountName).HasMaxLength(400);
        e.Property(x => x.Industry).HasMaxLength(200);
        e.Property(x => x.AccountSegment).HasMaxLength(200);
        e.Property(x => x.SeatTier).HasMaxLength(200);
        e.Property(x => x.AnnualRevenue).HasColumnName("annualrevenue");
        e.Property(x => x.LoadedAt).HasColumnName("_loaded_at");
        // The seed's 25 columns in its order (DESIGN section 4), keys included.
        var order = 0;
        foreach (var p in typeof(OrgDailyActivityRow).GetProperties())
            e.Property(p.Name).HasColumnOrder(order++);
    }
}
