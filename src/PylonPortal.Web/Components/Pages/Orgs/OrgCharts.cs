using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Staging;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace PylonPortal.Web.Components.Pages.Orgs;

/// <summary>A chart's traces and layout.</summary>
public sealed record OrgFigure(IList<ITrace> Data, PlotlyLayout Layout);

/// <summary>The org page's charts (SVG traces only: the Content-Security-Policy forbids WebGL's eval).</summary>
public static class OrgCharts
{
    public static Config Config { get; } = new()
    {
        DisplayLogo = false,
        Responsive = true,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
    };

    /// <summary>Categories bottom-up in the stack, each in the colour every chart of the page uses.</summary>
    private static readonly (string Category, string Colour, Func<OrgDay, int> Count)[] Categories =
    [
        (EventClassifier.IssueManagement, "#5c6bc0", d => d.Issue),
        (EventClassifier.AiFeatures, "#ab47bc", d => d.Ai),
        (EventClassifier.FrontendNavigation, "#26a69a", d => d.Frontend),
        (EventClassifier.KnowledgeBase, "#ffa726", d => d.Kb),
        (EventClassifier.Other, "#b0bec5", d => d.Other),
    ];

    public static string CategoryColour(string? category) =>
        Categories.FirstOrDefault(c => c.Category == category).Colour ?? "#b0bec5";

    public static OrgFigure EventsByCategory(OrgPageData data)
    {
        var dates = Dates(data.Activity);
        var traces = Categories.Select(c => (ITrace)new Bar
        {
            Name = c.Category,
            X = dates,
            Y = data.Activity.Select(d => (object)c.Count(d)).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = c.Colour },
            HoverTemplate = $"%{{x|%d %b %Y}}<br>{c.Category}: %{{y:,}}<extra></extra>",
        }).ToList();
        var layout = BaseLayout(data, height: 320, yTitle: "Events");
        layout.BarMode = BarModeEnum.Stack;
        layout.BarGap = 0.15m;
        return new OrgFigure(traces, layout);
    }

    public static OrgFigure UniqueUsers(OrgPageData data)
    {
        var trace = new Bar
        {
            Name = "Unique users",
            X = Dates(data.Activity),
            Y = data.Activity.Select(d => (object)d.Users).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#4f46e5" },
            HoverTemplate = "%{x|%d %b %Y}<br>%{y} unique users<extra></extra>",
        };
        var layout = BaseLayout(data, height: 240, yTitle: "Users");
        layout.ShowLegend = false;
        return new OrgFigure([trace], layout);
    }

    public static OrgFigure ScoreHistory(OrgPageData data, ScoringOptions scoring)
    {
        var dates = data.History.Select(p => (object)p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        ITrace Line(string name, string colour, Func<OrgScorePoint, decimal> value) => new Scatter
        {
            Name = name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = dates,
            Y = data.History.Select(p => (object)value(p)).ToList(),
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = colour, Width = 2 },
            HoverTemplate = $"%{{x|%d %b %Y}}<br>{name}: %{{y:.1f}}<extra></extra>",
        };
        var layout = BaseLayout(data, height: 300, yTitle: "Score");
        layout.YAxis[0].Range = [-3, 103]; // a score of 0 stays visible above the axis
        layout.Shapes =
        [
            Threshold((double)scoring.AiAdoption.HighAiThreshold, "#ab47bc"),
            Threshold((double)scoring.Health.HealthyThreshold, "#2e7d32"),
        ];
        return new OrgFigure(
        [
            Line("AI adoption", "#ab47bc", p => p.Ai),
            Line("Health", "#2e7d32", p => p.Health),
            Line("Reference readiness", "#f59e0b", p => p.Readiness),
        ], layout);
    }

    public static OrgFigure TopEvents(OrgPageData data)
    {
        // Horizontal bars read top-down, so the busiest event goes last.
        var events = data.TopEvents.Reverse().ToList();
        var trace = new Bar
        {
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            X = events.Select(e => (object)e.Count).ToList(),
            Y = events.Select(e => (object)e.Event).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = events.Select(e => (object)CategoryColour(e.Category)).ToList() },
            HoverTextArray = events.Select(e => e.Category ?? EventClassifier.Other).ToList(),
            HoverTemplate = "%{y}<br>%{x:,} events (%{hovertext})<extra></extra>",
        };
        return new OrgFigure([trace], new PlotlyLayout
        {
            Height = 60 + 28 * Math.Max(1, events.Count),
            Margin = new Margin { L = 8, R = 16, T = 8, B = 32 },
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "rgba(0,0,0,0)",
            Font = new Font { Color = "rgba(128,128,128,0.95)" },
            ShowLegend = false,
            XAxis = [new XAxis { GridColor = "rgba(128,128,128,0.15)", ZeroLine = false }],
            YAxis = [new YAxis { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category }],
        });
    }

    private static IList<object> Dates(IReadOnlyList<OrgDay> days) =>
        days.Select(d => (object)d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

    /// <summary>A date axis that always spans the whole window, so quiet days show as gaps, not as a shorter chart.</summary>
    private static PlotlyLayout BaseLayout(OrgPageData data, decimal height, string yTitle) => new()
    {
        Height = height,
        Margin = new Margin { L = 56, R = 16, T = 16, B = 40 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = "rgba(128,128,128,0.95)" },
        HoverMode = HoverModeEnum.Closest,
        Legend = [new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.18m }],
        XAxis =
        [
            new XAxis
            {
                Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
                Range =
                [
                    data.WindowStart.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    data.WindowEnd.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ],
                GridColor = "rgba(128,128,128,0.15)",
            },
        ],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, GridColor = "rgba(128,128,128,0.15)", RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };

    private static Shape Threshold(double y, string colour) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
        X0 = 0, X1 = 1, XRef = "paper", Y0 = y, Y1 = y, YRef = "y",
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = colour, Width = 1, Dash = "dot" },
        Opacity = 0.5m,
    };
}
