using PylonPortal.Analytics.Quality;

namespace PylonPortal.Analytics.Marts.AiAdoption;

/// <summary>fct_customer_ai_adoption_30d's data-quality checks: the shared as-of checks and its own ranges.</summary>
internal static class AiAdoptionChecks
{
    public static readonly IReadOnlyList<DataQualityCheck> All =
    [
        .. DataQualityChecks.AsOfChecks<AiAdoptionRow>("fct_customer_ai_adoption_30d", "ai_adoption", r =>
            r.AiEventShare < 0 || r.AiEventShare > 1 || r.AiUserShare < 0 || r.AiUserShare > 1
            || r.FrequencyScore < 0 || r.FrequencyScore > 100 || r.IntensityScore < 0 || r.IntensityScore > 100
            || r.BreadthScore < 0 || r.BreadthScore > 100
            || r.EffectiveAiAdoptionScore < 0 || r.EffectiveAiAdoptionScore > 100
            || r.TotalEvents30d < 0 || r.AiEvents30d > r.TotalEvents30d || r.AiUsers30d > r.ActiveUsers30d),
    ];
}
