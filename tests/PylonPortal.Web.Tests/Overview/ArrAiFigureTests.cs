using Plotly.Blazor.Traces;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Pages.Overview;

namespace PylonPortal.Web.Tests.Overview;

public class ArrAiFigureTests
{
    private static OverviewOrg Org(string id, string? name, double? arr, decimal ai, string quadrant) =>
        new(id, name, null, "SMB", arr, arr > 0, ai, quadrant, 1234, 67.05m, "Watch", 40, null);

    [Fact]
    public void A_points_hover_shows_its_org_arr_scores_and_users_with_the_name_encoded()
    {
        var figure = ArrAiFigure.Create([Org("o1", "Acme <Labs>", 250_000, 38.7m, "Risk"), Org("o2", "Zed", null, 12.0m, "Monitor")],
            new ScoringOptions(), highlight: null);

        var risk = (Scatter)figure.Data[0];
        Assert.Equal(
            "<b>%{customdata[0]}</b><br>ARR %{customdata[1]}<br>AI adoption %{customdata[2]} (Risk)<br>" +
            "Health %{customdata[3]}<br>%{customdata[4]} active users<extra></extra>", risk.HoverTemplate);
        Assert.Equal(["Acme &lt;Labs&gt;", "250,000", "38.7", "67.1 (Watch)", "1,234"], (string[])risk.CustomData[0]);
        var monitor = (Scatter)figure.Data[1];
        Assert.Equal(["Zed", "none", "12.0", "67.1 (Watch)", "1,234"], (string[])monitor.CustomData[0]);
        Assert.Equal("o2", figure.OrgAt(1, 0));
    }
}
