using PylonPortal.Analytics.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts;

namespace PylonPortal.Analytics.Marts.AiAdoption;

/// <summary>fct_customer_ai_adoption_30d: the Effective AI Adoption Score per org and as-of date (DESIGN section 5).</summary>
public sealed class AiAdoptionRow : OrgAsOfRow
{
    public int TotalEvents30d { get; set; }
    public int AiEvents30d { get; set; }
    public decimal AiEventShare { get; set; }
    public int ActiveDays30d { get; set; }
    public int AiActiveDays30d { get; set; }
    public int ActiveUsers30d { get; set; }
    public int AiUsers30d { get; set; }
    public decimal AiUserShare { get; set; }
    public decimal FrequencyScore { get; set; }
    public decimal IntensityScore { get; set; }
    public decimal BreadthScore { get; set; }
    public decimal EffectiveAiAdoptionScore { get; set; }
    public string ArrAiQuadrant { get; set; } = "";
}

internal sealed class AiAdoptionConfiguration : IEntityTypeConfiguration<AiAdoptionRow>
{
    public void Configure(EntityTypeBuilder<AiAdoptionRow> e)
    {
        OrgAsOfRow.Configure(e, "fct_customer_ai_adoption_30d");
        e.Property(x => x.TotalEvents30d).HasColumnName("total_events_30d");
        e.Property(x => x.AiEvents30d).HasColumnName("ai_events_30d");
        e.Property(x => x.ActiveDays30d).HasColumnName("active_days_30d");
        e.Property(x => x.AiActiveDays30d).HasColumnName("ai_active_days_30d");
        e.Property(x => x.ActiveUsers30d).HasColumnName("active_users_30d");
        e.Property(x => x.AiUsers30d).HasColumnName("ai_users_30d");
        e.Property(x => x.AiEventShare).HasPrecision(9, ScoreMath.ShareDecimals);
        e.Property(x => x.AiUserShare).HasPrecision(9, ScoreMath.ShareDecimals);
        e.Property(x => x.FrequencyScore).HasPrecision(9, ScoreMath.ComponentDecimals);
        e.Property(x => x.IntensityScore).HasPrecision(9, ScoreMath.ComponentDecimals);
        e.Property(x => x.BreadthScore).HasPrecision(9, ScoreMath.ComponentDecimals);
        e.Property(x => x.EffectiveAiAdoptionScore).HasPrecision(4, ScoreMath.ScoreDecimals);
        e.Property(x => x.ArrAiQuadrant).HasMaxLength(20);
        e.HasIndex(x => new { x.AsOfDate, x.ArrAiQuadrant });
    }
}
