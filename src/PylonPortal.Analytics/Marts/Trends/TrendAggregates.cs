using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Marts.Trends;

/// <summary>
/// int_segment_weekly_activity: per ISO week (Monday) and account segment, the orgs active that week and those
/// using each category, and the week's events per category. An org has one segment, so rows add up across
/// segments: the Trends page sums a few hundred rows whatever the number of orgs.
/// </summary>
public sealed class IntSegmentWeeklyActivity
{
    /// <summary>The account segment, or "" for orgs without one.</summary>
    public string Segment { get; set; } = "";
    public DateOnly WeekStart { get; set; }
    public int ActiveOrgs { get; set; }
    public long TotalEvents { get; set; }
    public long IssueEvents { get; set; }
    public long AiEvents { get; set; }
    public long FrontendEvents { get; set; }
    public long KbEvents { get; set; }
    public int IssueOrgs { get; set; }
    public int AiOrgs { get; set; }
    public int FrontendOrgs { get; set; }
    public int KbOrgs { get; set; }
}

/// <summary>int_segment_event_daily: attributed events per day, account segment and event name, for the fastest-growing events.</summary>
public sealed class IntSegmentEventDaily
{
    public string Segment { get; set; } = "";
    public DateOnly ActivityDate { get; set; }
    public string Event { get; set; } = "";
    public string Category { get; set; } = "";
    public long EventCount { get; set; }
}

internal sealed class TrendAggregatesConfiguration :
    IEntityTypeConfiguration<IntSegmentWeeklyActivity>, IEntityTypeConfiguration<IntSegmentEventDaily>
{
    public void Configure(EntityTypeBuilder<IntSegmentWeeklyActivity> e)
    {
        e.ToTable("int_segment_weekly_activity", Schemas.Marts);
        e.HasKey(x => new { x.Segment, x.WeekStart });
        e.Property(x => x.Segment).IsOrdinal(TextLengths.Label);
    }

    public void Configure(EntityTypeBuilder<IntSegmentEventDaily> e)
    {
        e.ToTable("int_segment_event_daily", Schemas.Marts);
        e.HasKey(x => new { x.Segment, x.ActivityDate, x.Event });
        e.Property(x => x.Segment).IsOrdinal(TextLengths.Label);
        e.Property(x => x.Event).IsOrdinal(TextLengths.EventName);
        e.Property(x => x.Category).HasMaxLength(40);
    }
}
