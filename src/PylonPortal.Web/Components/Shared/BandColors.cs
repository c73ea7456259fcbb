using PylonPortal.Analytics.Marts.ReferenceReadiness;
using MudBlazor;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Web.Components.Shared;

/// <summary>The colour of a Customer Health band wherever it is shown: chips, verdicts.</summary>
public static class BandColors
{
    public static Color Of(string? band) => band switch
    {
        HealthScore.Healthy => Color.Success,
        HealthScore.Watch => Color.Warning,
        HealthScore.AtRisk => Color.Error,
        _ => Color.Default,
    };
}
