using Bunit;
using MudBlazor.Services;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Tests.Orgs;

public class ScoreCardViewTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<ScoreCardView> Render(ScoreCard card, DateOnly? comparedWith = null) =>
        _context.Render<ScoreCardView>(p => p.Add(c => c.Card, card).Add(c => c.ComparedWith, comparedWith));

    private static string Text(AngleSharp.Dom.IElement element, string testId) =>
        element.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public void It_shows_the_score_the_verdict_and_each_component_with_its_bar_weight_and_points()
    {
        var card = new ScoreCard("Customer Health", 61.3m, 4.2m, "Watch",
        [
            new ScoreLine("Usage", 0.40m, 72.5m, 10m, "20 active days of 30"),
            new ScoreLine("Engagement", 0.25m, 40m, -12.5m, "8 active of 20 users"),
            new ScoreLine("Support", 0.20m, 50m, 0m, "sentiment 50 (no rated issue)"),
            new ScoreLine("Renewal", 0.15m, 70m, null, "renewal in 120 days"),
        ]);

        var view = Render(card, new DateOnly(2026, 10, 28));

        Assert.Equal("Customer Health", view.Find("[data-testid=score-title]").TextContent.Trim());
        Assert.Equal("61.3", view.Find("[data-testid=score]").TextContent.Trim());
        Assert.Equal("Watch", view.Find("[data-testid=verdict]").TextContent.Trim());
        Assert.Contains("28 Oct 2026", view.Find("[data-testid=compared-with]").TextContent);

        var components = view.FindAll("[data-testid=component]");
        Assert.Equal(["Usage", "Engagement", "Support", "Renewal"], components.Select(c => c.GetAttribute("data-component")));
        var usage = components[0];
        Assert.Equal("× 0.4", Text(usage, "weight"));
        Assert.Equal("72.5", Text(usage, "value"));
        Assert.Equal("= 29.0 pts", Text(usage, "points"));
        Assert.Equal("20 active days of 30", Text(usage, "detail"));
        // Each component is a 0-100 bar at its value.
        var bar = usage.QuerySelector("[role=progressbar]")!;
        Assert.Equal("72.5", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("0", bar.GetAttribute("aria-valuemin"));
        Assert.Equal("100", bar.GetAttribute("aria-valuemax"));
        Assert.Equal(4, view.FindAll("[data-testid=component] [role=progressbar]").Count);
    }

    [Fact]
    public void Changes_show_as_up_down_unchanged_or_new()
    {
        var card = new ScoreCard("Customer Health", 61.3m, 4.2m, "Watch",
        [
            new ScoreLine("Usage", 0.40m, 72.5m, 10m, ""),
            new ScoreLine("Engagement", 0.25m, 40m, -12.5m, ""),
            new ScoreLine("Support", 0.20m, 50m, 0.01m, ""),
            new ScoreLine("Renewal", 0.15m, 70m, null, ""),
        ]);

        var view = Render(card, new DateOnly(2026, 10, 28));

        var score = view.FindAll("[data-testid=delta]")[0];
        Assert.Contains("delta-up", score.ClassList);
        Assert.Equal("▲ +4.2", score.TextContent.Trim());
        var deltas = view.FindAll("[data-testid=component]").ToDictionary(
            c => c.GetAttribute("data-component")!, c => c.QuerySelector("[data-testid=delta]")!);
        Assert.Contains("delta-up", deltas["Usage"].ClassList);
        Assert.Equal("▲ +10.0", deltas["Usage"].TextContent.Trim());
        Assert.Contains("delta-down", deltas["Engagement"].ClassList);
        Assert.Equal("▼ -12.5", deltas["Engagement"].TextContent.Trim());
        // Too small to show at one decimal: unchanged, not "+0.0".
        Assert.Contains("delta-flat", deltas["Support"].ClassList);
        Assert.Contains("delta-none", deltas["Renewal"].ClassList);
    }

    [Fact]
    public void A_scorecard_without_a_row_30_days_earlier_shows_no_changes()
    {
        var (ai, ready) = Rows(new DateOnly(2026, 11, 27));
        var scorecard = Scorecard.Explain(ai, ready, null, null, new ScoringOptions());

        var view = Render(scorecard.AiCard, scorecard.ComparedWith);

        Assert.Equal("Risk quadrant", view.Find("[data-testid=verdict]").TextContent.Trim());
        Assert.All(view.FindAll("[data-testid=delta]"), d => Assert.Contains("delta-none", d.ClassList));
        Assert.Equal(4, view.FindAll("[data-testid=delta]").Count); // the score and its three components
        Assert.Contains("No scores 30 days earlier", view.Find("[data-testid=compared-with]").TextContent);
    }

    [Fact]
    public void A_scorecard_explains_why_the_ai_score_moved_against_30_days_earlier()
    {
        var (ai, ready) = Rows(new DateOnly(2026, 11, 27));
        var (aiThen, readyThen) = Rows(new DateOnly(2026, 10, 28));
        aiThen.FrequencyScore = 50m;   // it used AI on more days then: frequency fell
        aiThen.BreadthScore = 10m;     // fewer of its users used AI then: breadth rose
        aiThen.EffectiveAiAdoptionScore = 25.5m;
        var scorecard = Scorecard.Explain(ai, ready, aiThen, readyThen, new ScoringOptions());

        var view = Render(scorecard.AiCard, scorecard.ComparedWith);

        var deltas = view.FindAll("[data-testid=component]").ToDictionary(
            c => c.GetAttribute("data-component")!, c => c.QuerySelector("[data-testid=delta]")!.TextContent.Trim());
        Assert.Equal("▼ -30.0", deltas["Frequency"]);
        Assert.Equal("±0.0", deltas["Intensity"]);
        Assert.Equal("▲ +15.0", deltas["Breadth"]);
        Assert.Equal("▼ -4.0", view.FindAll("[data-testid=delta]")[0].TextContent.Trim());
        Assert.Contains("28 Oct 2026", view.Find("[data-testid=compared-with]").TextContent);
        Assert.Equal("6 of 30 days with AI events", Text(view.FindAll("[data-testid=component]")[0], "detail"));
    }

    private static (AiAdoptionRow, ReferenceReadinessRow) Rows(DateOnly asOf)
    {
        var ai = new AiAdoptionRow
        {
            OrgId = "org-1", AsOfDate = asOf, OrgName = "Acme", CurrentArr = 120_000, IsPayingCustomer = true,
            TotalEvents30d = 1_000, AiEvents30d = 50, AiEventShare = 0.05m, AiActiveDays30d = 6, ActiveUsers30d = 20, AiUsers30d = 5,
            FrequencyScore = 20m, IntensityScore = 20m, BreadthScore = 25m, EffectiveAiAdoptionScore = 21.5m, ArrAiQuadrant = "Risk",
        };
        var ready = new ReferenceReadinessRow
        {
            OrgId = "org-1", AsOfDate = asOf, OrgName = "Acme", CurrentArr = 120_000, IsPayingCustomer = true,
            Events30d = 1_000, EventsPrev30d = 900, ActiveDays30d = 25, ActiveUsers30d = 20, OrgUserCount = 30,
            UsageScore = 80m, EngagementScore = 66.7m, SentimentScore = 50m, SupportScore = 50m, RenewalScore = 70m,
            HealthScore = 68.2m, HealthBand = "Watch", SizeScore = 48m, TenureScore = 100m, ReferenceReadinessScore = 67.9m,
        };
        return (ai, ready);
    }
}
