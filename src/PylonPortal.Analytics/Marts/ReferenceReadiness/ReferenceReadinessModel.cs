using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts.ReferenceReadiness;

/// <summary>
/// fct_reference_readiness_30d's row for one org at one as-of date: the W30/P30 counts of <see cref="WindowMetrics"/>
/// and the org's account scored by <see cref="HealthScore"/>, then <see cref="ReadinessScore"/> (which reads the
/// rounded health). <see cref="OrgScoresModel"/> runs it for every touched as-of date.
/// </summary>
internal static class ReferenceReadinessModel
{
    /// <param name="firstActivityDate">The dataset's first activity date: before it (or the org's creation) P30 has no history.</param>
    public static ReferenceReadinessRow Row(WindowRow w, OrgProfile org, int orgUserCount, DateOnly firstActivityDate, ScoringOptions options)
    {
        var asOf = w.AsOfDate;
        var daysToRenewal = org.RenewalDate is { } renewal ? renewal.DayNumber - asOf.DayNumber : (int?)null;
        var daysSinceCreated = org.CreatedDate is { } created ? asOf.DayNumber - created.DayNumber : (int?)null;
        var priorWindowStart = Windows.PriorWindowStart(asOf);
        var priorWindowBeforeHistory = priorWindowStart < firstActivityDate || priorWindowStart < org.CreatedDate;
        Fraction? avgCsat = w.RatedIssues30d == 0 ? null : Fraction.Of(w.CsatUnits30d, w.RatedIssues30d * WindowMetrics.CsatUnit);
        var (events, prev, activeDays, users) = ((int)w.Events30d, (int)w.EventsPrev30d, (int)w.ActiveDays30d, (int)w.ActiveUsers30d);

        var health = HealthScore.Compute(new HealthInputs(
            events, prev, activeDays, users, orgUserCount, (int)w.UrgentIssues30d, avgCsat, daysToRenewal, priorWindowBeforeHistory), options);
        var readiness = ReadinessScore.Compute(new ReadinessInputs(
            health.Score, org.CurrentArr, daysSinceCreated, PayingCustomer.Is(org.CurrentArr)), options);
        return new ReferenceReadinessRow
        {
            Events30d = events,
            EventsPrev30d = prev,
            ActiveDays30d = activeDays,
            ActiveUsers30d = users,
            OrgUserCount = orgUserCount,
            Issues30d = (int)w.Issues30d,
            UrgentIssues30d = (int)w.UrgentIssues30d,
            AvgCsat30d = avgCsat?.Round(ScoreMath.ComponentDecimals),
            RenewalDate = org.RenewalDate,
            DaysToRenewal = daysToRenewal,
            TrendScore = health.Trend,
            UsageScore = health.Usage,
            EngagementScore = health.Engagement,
            SentimentScore = health.Sentiment,
            SupportScore = health.Support,
            RenewalScore = health.Renewal,
            HealthScore = health.Score,
            HealthBand = health.Band,
            SizeScore = readiness.Size,
            TenureScore = readiness.Tenure,
            ReferenceReadinessScore = readiness.Score,
            IsReferenceCandidate = readiness.IsCandidate,
        };
    }
}
