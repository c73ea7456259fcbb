using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Tests.Overview;

public class QuadrantLegendTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private readonly ScoringOptions _scoring = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_scoring);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static Dictionary<string, string> Rules(IRenderedComponent<QuadrantLegend> legend) =>
        legend.FindAll("[data-testid=quadrant-row]").ToDictionary(
            row => row.GetAttribute("data-quadrant")!,
            row => row.QuerySelector("[data-testid=quadrant-rule]")!.TextContent.Trim());

    [Fact]
    public void It_shows_the_four_quadrants_with_the_default_thresholds()
    {
        var legend = _context.Render<QuadrantLegend>();

        var rules = Rules(legend);
        Assert.Equal(["Risk", "Target", "Quick Wins", "Monitor"], rules.Keys);
        Assert.Equal("ARR ≥ 50,000 · AI ≥ 50", rules["Target"]);
        Assert.Equal("ARR ≥ 50,000 · AI < 50", rules["Risk"]);
        Assert.Equal("ARR < 50,000 · AI ≥ 50", rules["Quick Wins"]);
        Assert.Equal("ARR < 50,000 · AI < 50", rules["Monitor"]);
        Assert.Contains("at least 50,000", legend.Find("[data-testid=thresholds]").TextContent);
    }

    [Fact]
    public void It_follows_the_configured_thresholds()
    {
        _scoring.AiAdoption.HighArrThreshold = 120_000m;
        _scoring.AiAdoption.HighAiThreshold = 62.5m;

        var legend = _context.Render<QuadrantLegend>();

        var rules = Rules(legend);
        Assert.Equal("ARR ≥ 120,000 · AI < 62.5", rules["Risk"]);
        Assert.Equal("ARR < 120,000 · AI ≥ 62.5", rules["Quick Wins"]);
        var thresholds = legend.Find("[data-testid=thresholds]").TextContent;
        Assert.Contains("at least 120,000", thresholds);
        Assert.Contains("at least 62.5", thresholds);
        Assert.DoesNotContain("50,000", legend.Markup);
    }

    [Fact]
    public void With_totals_each_quadrant_shows_its_orgs_and_arr_and_links_to_itself()
    {
        var legend = _context.Render<QuadrantLegend>(p => p
            .Add(l => l.Totals, [new QuadrantTotal("Risk", 37, 6_206_400), new QuadrantTotal("Target", 24, 4_797_800)])
            .Add(l => l.Selected, "Risk")
            .Add(l => l.HrefFor, q => $"/?quadrant={Uri.EscapeDataString(q)}"));

        var risk = legend.Find("[data-quadrant=Risk]");
        Assert.Equal("37", risk.QuerySelector("[data-testid=quadrant-orgs]")!.TextContent.Trim());
        Assert.Equal("6,206,400", risk.QuerySelector("[data-testid=quadrant-arr]")!.TextContent.Trim());
        Assert.Equal("/?quadrant=Risk", risk.QuerySelector("a")!.GetAttribute("href"));
        // A quadrant with no orgs in view still shows, with zero.
        var monitor = legend.Find("[data-quadrant=Monitor]");
        Assert.Equal("0", monitor.QuerySelector("[data-testid=quadrant-orgs]")!.TextContent.Trim());
        Assert.Equal("/?quadrant=Quick%20Wins", legend.Find("[data-quadrant='Quick Wins'] a").GetAttribute("href"));
    }

    [Fact]
    public void Without_totals_or_links_it_is_a_plain_legend()
    {
        var legend = _context.Render<QuadrantLegend>();

        Assert.Empty(legend.FindAll("[data-testid=quadrant-orgs]"));
        Assert.Empty(legend.FindAll("a"));
    }
}
