using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.ReferenceReadiness;

namespace PylonPortal.Analytics.Scoring;

/// <summary>One component of a score: its weight, its value, how it moved, and the numbers behind it.</summary>
public sealed record ScoreLine(string Component, decimal Weight, decimal Value, decimal? Change, string Detail)
{
    public decimal Contribution => Weight * Value;

    /// <summary>How far this component moved the score: its weight times its change (null with nothing to compare).</summary>
    public decimal? PointsMoved => Weight * Change;
}

/// <summary>A score as the portal and <c>pylon scores</c> explain it.</summary>
public sealed record ScoreCard(string Title, decimal Score, decimal? Change, string Verdict, IReadOnlyList<ScoreLine> Components)
{
    /// <summary>The component that moved the score most, either way (null when none moved): why the score moved.</summary>
    public ScoreLine? MovedMost => Components.Where(c => c.PointsMoved is not null and not 0m).MaxBy(c => Math.Abs(c.PointsMoved!.Value));
}

/// <summary>
/// An org's three scores at one as-of date, each with its components and their change against 30 days
/// earlier, so a CSM can redo every step from the numbers shown ("why it moved").
/// </summary>
public sealed record Scorecard(
    AiAdoptionRow Ai, ReferenceReadinessRow Readiness, DateOnly? ComparedWith,
    ScoreCard AiCard, ScoreCard HealthCard, ScoreCard ReadinessCard)
{
    /// <summary>The org's scorecard at <paramref name="asOf"/> (its latest as-of date when null); null when the org has no rows.</summary>
    public static async Task<Scorecard?> LoadAsync(PortalDbContext db, string orgId, DateOnly? asOf, ScoringOptions options, CancellationToken ct = default)
    {
        var date = asOf ?? await db.AiAdoption.Where(r => r.OrgId == orgId).MaxAsync(r => (DateOnly?)r.AsOfDate, ct);
        if (date is null) return null;
        var previousDate = date.Value.AddDays(-30);
        var ai = await db.AiAdoption.AsNoTracking().Where(r => r.OrgId == orgId && (r.AsOfDate == date || r.AsOfDate == previousDate)).ToListAsync(ct);
        var ready = await db.ReferenceReadiness.AsNoTracking().Where(r => r.OrgId == orgId && (r.AsOfDate == date || r.AsOfDate == previousDate)).ToListAsync(ct);
        var (aiNow, readyNow) = (ai.SingleOrDefault(r => r.AsOfDate == date), ready.SingleOrDefault(r => r.AsOfDate == date));
        if (aiNow is null || readyNow is null) return null;
        var (aiThen, readyThen) = (ai.SingleOrDefault(r => r.AsOfDate == previousDate), ready.SingleOrDefault(r => r.AsOfDate == previousDate));
        return Explain(aiNow, readyNow, aiThen, readyThen, options);
    }

    public static Scorecard Explain(AiAdoptionRow ai, ReferenceReadinessRow ready, AiAdoptionRow? aiThen, ReferenceReadinessRow? readyThen, ScoringOptions options)
    {
        var a = options.AiAdoption;
        var h = options.Health;
        var r = options.Readiness;
        var aiCard = new ScoreCard("Effective AI Adoption", ai.EffectiveAiAdoptionScore, ai.EffectiveAiAdoptionScore - aiThen?.EffectiveAiAdoptionScore,
            $"{ai.ArrAiQuadrant} quadrant",
        [
            new("Frequency", a.FrequencyWeight, ai.FrequencyScore, ai.FrequencyScore - aiThen?.FrequencyScore,
                $"{ai.AiActiveDays30d} of 30 days with AI events"),
            new("Intensity", a.IntensityWeight, ai.IntensityScore, ai.IntensityScore - aiThen?.IntensityScore,
                $"{ai.AiEvents30d:N0} AI of {ai.TotalEvents30d:N0} events ({Percent(ai.AiEventShare)}; full at {Percent(a.FullIntensityShare)})"),
            new("Breadth", a.BreadthWeight, ai.BreadthScore, ai.BreadthScore - aiThen?.BreadthScore,
                $"{ai.AiUsers30d} of {ai.ActiveUsers30d} active users used AI"),
        ]);
        var healthCard = new ScoreCard("Customer Health", ready.HealthScore, ready.HealthScore - readyThen?.HealthScore, ready.HealthBand,
        [
            new("Usage", h.UsageWeight, ready.UsageScore, ready.UsageScore - readyThen?.UsageScore,
                $"{ready.ActiveDays30d} active days of 30; trend {ready.TrendScore:0.#} ({ready.Events30d:N0} events vs {ready.EventsPrev30d:N0} in the 30 days before)"),
            new("Engagement", h.EngagementWeight, ready.EngagementScore, ready.EngagementScore - readyThen?.EngagementScore,
                $"{ready.ActiveUsers30d} active of {ready.OrgUserCount} users"),
            new("Support", h.SupportWeight, ready.SupportScore, ready.SupportScore - readyThen?.SupportScore,
                (ready.AvgCsat30d is { } csat ? $"sentiment {ready.SentimentScore:0.#} (CSAT {csat:0.##})" : "sentiment 50 (no rated issue)")
                + $"; {ready.Issues30d} issues, {ready.UrgentIssues30d} urgent (-{h.UrgentIssuePenalty:0.#} each)"),
            new("Renewal", h.RenewalWeight, ready.RenewalScore, ready.RenewalScore - readyThen?.RenewalScore,
                ready.DaysToRenewal is { } days
                    ? $"renewal {ready.RenewalDate:yyyy-MM-dd} ({(days < 0 ? $"{-days} days overdue" : $"in {days} days")})"
                    : "no renewal date"),
        ]);
        var readinessCard = new ScoreCard("Reference Readiness", ready.ReferenceReadinessScore,
            ready.ReferenceReadinessScore - readyThen?.ReferenceReadinessScore,
            ready.IsReferenceCandidate ? "Reference candidate" : "Not a candidate",
        [
            new("Health", r.HealthWeight, ready.HealthScore, ready.HealthScore - readyThen?.HealthScore, $"Customer Health {ready.HealthBand}"),
            new("Size", r.SizeWeight, ready.SizeScore, ready.SizeScore - readyThen?.SizeScore,
                ready.CurrentArr is { } arr ? $"ARR {arr:N0} (full at {r.FullSizeArr:N0})" : "no ARR"),
            new("Tenure", r.TenureWeight, ready.TenureScore, ready.TenureScore - readyThen?.TenureScore,
                ready.TenureScore >= 100m ? $"created {r.FullTenureDays}+ days before"
                    : ready.TenureScore == 0m ? "created today or creation date unknown"
                    : $"created {ready.TenureScore / 100m * r.FullTenureDays:0} days before (full at {r.FullTenureDays})"),
        ]);
        return new Scorecard(ai, ready, readyThen?.AsOfDate ?? aiThen?.AsOfDate, aiCard, healthCard, readinessCard);
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
