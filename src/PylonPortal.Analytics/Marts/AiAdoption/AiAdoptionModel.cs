using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts.AiAdoption;

/// <summary>
/// fct_customer_ai_adoption_30d's row for one org at one as-of date: the W30 counts of <see cref="WindowMetrics"/>
/// scored by <see cref="AiAdoptionScore"/>. <see cref="OrgScoresModel"/> runs it for every touched as-of date.
/// </summary>
internal static class AiAdoptionModel
{
    public static AiAdoptionRow Row(WindowRow w, OrgProfile org, ScoringOptions options)
    {
        var (events, aiEvents, aiDays) = ((int)w.Events30d, (int)w.AiEvents30d, (int)w.AiActiveDays30d);
        var (users, aiUsers) = ((int)w.ActiveUsers30d, (int)w.AiUsers30d);
        var score = AiAdoptionScore.Compute(new AiAdoptionInputs(events, aiEvents, aiDays, users, aiUsers, org.CurrentArr), options);
        return new AiAdoptionRow
        {
            TotalEvents30d = events,
            AiEvents30d = aiEvents,
            AiEventShare = score.AiEventShare,
            ActiveDays30d = (int)w.ActiveDays30d,
            AiActiveDays30d = aiDays,
            ActiveUsers30d = users,
            AiUsers30d = aiUsers,
            AiUserShare = score.AiUserShare,
            FrequencyScore = score.Frequency,
            IntensityScore = score.Intensity,
            BreadthScore = score.Breadth,
            EffectiveAiAdoptionScore = score.Score,
            ArrAiQuadrant = score.Quadrant,
        };
    }
}
