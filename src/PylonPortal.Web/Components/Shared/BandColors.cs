using MudBlazor;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Web.Components.Shared;

/// <summary>The colour of a health band wherever it is shown as a chip.</summary>
public static class BandColors
{
    public static Color Of(string band) => band switch
    {
        HealthScore.Healthy => Color.Success,
        HealthScore.Watch => Color.Warning,
        _ => Color.Error,
    };
}
