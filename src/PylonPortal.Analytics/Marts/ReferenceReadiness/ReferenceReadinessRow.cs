using PylonPortal.Analytics.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PylonPortal.Analytics.Marts.ReferenceReadiness;

/// <summary>
/// fct_reference_readiness_30d: the Customer Health Score and the Reference Readiness Score per org and
/// as-of date, with every component (DESIGN section 5).
/// </summary>
public sealed class ReferenceReadinessRow : OrgAsOfRow
{
    public int Events30d { get; set; }
    public int EventsPrev30d { get; set; }
    public int ActiveDays30d { get; set; }
    public int ActiveUsers30d { get; set; }
    public int OrgUserCount { get; set; }
    public int Issues30d { get; set; }
    public int UrgentIssues30d { get; set; }
    public decimal? AvgCsat30d { get; set; }
    public DateOnly? RenewalDate { get; set; }
    public int? DaysToRenewal { get; set; }
    public decimal TrendScore { get; set; }
    public decimal UsageScore { get; set; }
    public decimal EngagementScore { get; set; }
    public decimal SentimentScore { get; set; }
    public decimal SupportScore { get; set; }
    public decimal RenewalScore { get; set; }
    public decimal HealthScore { get; set; }
    public string HealthBand { get; set; } = "";
    public decimal SizeScore { get; set; }
    public decimal TenureScore { get; set; }
    public decimal ReferenceReadinessScore { get; set; }
    public bool IsReferenceCandidate { get; set; }
}

internal sealed class ReferenceReadinessConfiguration : IEntityTypeConfiguration<ReferenceReadinessRow>
{
    public void Configure(EntityTypeBuilder<ReferenceReadinessRow> e)
    {
        OrgAsOfRow.Configure(e, "fct_reference_readiness_30d");
        e.Property(x => x.Events30d).HasColumnName("events_30d");
        e.Property(x => x.EventsPrev30d).HasColumnName("events_prev_30d");
        e.Property(x => x.ActiveDays30d).HasColumnName("active_days_30d");
        e.Property(x => x.ActiveUsers30d).HasColumnName("active_users_30d");
        e.Property(x => x.Issues30d).HasColumnName("issues_30d");
        e.Property(x => x.UrgentIssues30d).HasColumnName("urgent_issues_30d");
        e.Property(x => x.AvgCsat30d).HasColumnName("avg_csat_30d").HasPrecision(9, ScoreMath.ComponentDecimals);
        foreach (var component in new[] { nameof(ReferenceReadinessRow.TrendScore), nameof(ReferenceReadinessRow.UsageScore),
                     nameof(ReferenceReadinessRow.EngagementScore), nameof(ReferenceReadinessRow.SentimentScore),
                     nameof(ReferenceReadinessRow.SupportScore), nameof(ReferenceReadinessRow.RenewalScore),
                     nameof(ReferenceReadinessRow.SizeScore), nameof(ReferenceReadinessRow.TenureScore) })
            e.Property(component).HasPrecision(9, ScoreMath.ComponentDecimals);
        e.Property(x => x.HealthScore).HasPrecision(4, ScoreMath.ScoreDecimals);
        e.Property(x => x.ReferenceReadinessScore).HasPrecision(4, ScoreMath.ScoreDecimals);
        e.Property(x => x.HealthBand).HasMaxLength(20);
        e.HasIndex(x => new { x.AsOfDate, x.HealthBand });
    }
}
