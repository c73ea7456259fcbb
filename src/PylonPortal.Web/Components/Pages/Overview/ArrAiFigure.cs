using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Marts.AiAdoption;
using System.Globalization;
using System.Net;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Shared;
using PlotlyLayout = Plotly.Blazor.Layout;
using SymbolEnum = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace PylonPortal.Web.Components.Pages.Overview;

/// <summary>
/// The ARR vs AI-adoption scatter as a Plotly figure: SVG <c>scatter</c> (never <c>scattergl</c>, which the
/// Content-Security-Policy forbids), one trace per quadrant in its fixed colour, a log ARR axis, and the
/// configured thresholds as dashed lines. Orgs without ARR cannot sit on a log axis: they are drawn as open
/// circles on a labelled "no ARR" line at <see cref="NoArrX"/>.
/// </summary>
public sealed class ArrAiFigure
{
    private const double MinMarker = 6, MaxMarker = 22;

    private ArrAiFigure(IList<ITrace> data, PlotlyLayout layout, IReadOnlyList<IReadOnlyList<string>> orgIds, double noArrX)
    {
        Data = data;
        Layout = layout;
        OrgIds = orgIds;
        NoArrX = noArrX;
    }

    public IList<ITrace> Data { get; }
    public PlotlyLayout Layout { get; }

    /// <summary>The org of each point, by trace and point index: a click sends back only those two numbers.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OrgIds { get; }

    /// <summary>Where orgs without ARR are drawn: 1,000, or a lower power of ten when a paying org sits near it.</summary>
    public double NoArrX { get; }

    public static Config Config { get; } = new()
    {
        DisplayLogo = false,
        Responsive = true,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover,
    };

    /// <summary>The org behind a clicked point, or null when the indexes match no point.</summary>
    public string? OrgAt(int trace, int point) =>
        trace >= 0 && trace < OrgIds.Count && point >= 0 && point < OrgIds[trace].Count ? OrgIds[trace][point] : null;

    public static ArrAiFigure Create(IReadOnlyList<OverviewOrg> orgs, ScoringOptions scoring, string? highlight)
    {
        var noArrX = NoArrFloor(orgs);
        var maxUsers = Math.Max(1, orgs.Count == 0 ? 1 : orgs.Max(o => o.ActiveUsers));
        var data = new List<ITrace>();
        var orgIds = new List<IReadOnlyList<string>>();
        foreach (var quadrant in QuadrantInfo.Ordered)
        {
            var members = orgs.Where(o => o.Quadrant == quadrant).ToList();
            if (members.Count == 0) continue;
            var dimmed = highlight is not null && highlight != quadrant;
            data.Add(new Scatter
            {
                Name = $"{quadrant} ({members.Count.ToString("N0", CultureInfo.InvariantCulture)})",
                Mode = ModeFlag.Markers,
                X = members.Select(o => (object)(o.HasArr ? o.Arr!.Value : noArrX)).ToList(),
                Y = members.Select(o => (object)o.AiScore).ToList(),
                // The hover's fixed text once per trace and only each org's values per point: at 2,000 orgs the figure
                // Blazor sends is about half the size of one hover string per point (every "<" costs 6 bytes in JSON).
                CustomData = members.Select(HoverValues).ToList(),
                HoverTemplate = HoverTemplate(quadrant),
                Marker = new Marker
                {
                    Color = QuadrantInfo.Colour(quadrant),
                    Opacity = dimmed ? 0.12m : 0.8m,
                    SizeArray = members.Select(o => (decimal?)Math.Round(MarkerSize(o.ActiveUsers, maxUsers), 1)).ToList(),
                    SymbolArray = members.Select(o => (SymbolEnum?)(o.HasArr ? SymbolEnum.Circle : SymbolEnum.CircleOpen)).ToList(),
                    Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "rgba(255,255,255,0.8)", Width = 0.5m },
                },
            });
            orgIds.Add(members.Select(o => o.OrgId).ToList());
        }
        return new ArrAiFigure(data, BuildLayout(orgs, scoring, noArrX), orgIds, noArrX);
    }

    /// <summary>Marker area grows with active users (square root: area, not radius, carries the number).</summary>
    public static double MarkerSize(int activeUsers, int maxUsers) =>
        MinMarker + (MaxMarker - MinMarker) * Math.Sqrt(Math.Max(0, activeUsers) / (double)Math.Max(1, maxUsers));

    public static double NoArrFloor(IEnumerable<OverviewOrg> orgs)
    {
        var lowest = orgs.Where(o => o.HasArr).Select(o => o.Arr!.Value).DefaultIfEmpty(double.MaxValue).Min();
        var floor = 1_000d;
        while (floor > 1 && lowest < floor * 3) floor /= 10;
        return floor;
    }

    // Org and account names come from outside: Plotly renders a subset of HTML in hover text, so encode them.
    private static string HoverTemplate(string quadrant) =>
        "<b>%{customdata[0]}</b><br>ARR %{customdata[1]}<br>" +
        $"AI adoption %{{customdata[2]}} ({WebUtility.HtmlEncode(quadrant)})<br>" +
        "Health %{customdata[3]}<br>%{customdata[4]} active users<extra></extra>";

    private static object HoverValues(OverviewOrg o) => new[]
    {
        WebUtility.HtmlEncode(o.DisplayName),
        o.HasArr ? ArrFormat.Full(o.Arr) : "none",
        o.AiScore.ToString("0.0", CultureInfo.InvariantCulture),
        $"{o.HealthScore.ToString("0.0", CultureInfo.InvariantCulture)} ({WebUtility.HtmlEncode(o.HealthBand)})",
        o.ActiveUsers.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static PlotlyLayout BuildLayout(IReadOnlyList<OverviewOrg> orgs, ScoringOptions scoring, double noArrX)
    {
        var highArr = (double)scoring.AiAdoption.HighArrThreshold;
        var highAi = (double)scoring.AiAdoption.HighAiThreshold;
        var maxArr = orgs.Where(o => o.HasArr).Select(o => o.Arr!.Value).DefaultIfEmpty(highArr).Max();
        var top = Math.Max(maxArr, Math.Max(highArr, 1) * 2);
        var (tickValues, tickText) = Ticks(noArrX, top);
        var grey = "rgba(128,128,128,0.9)";
        return new PlotlyLayout
        {
            Height = 520,
            Margin = new Margin { L = 64, R = 24, T = 40, B = 56 },
            HoverMode = HoverModeEnum.Closest,
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "rgba(0,0,0,0)",
            Font = new Font { Color = grey },
            Legend = [new Plotly.Blazor.LayoutLib.Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                X = 0, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
            }],
            XAxis = [new XAxis
            {
                Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log,
                Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Current ARR (log scale)" },
                // Log axes take their range in powers of ten.
                Range = [Math.Log10(noArrX) - 0.25, Math.Log10(top) + 0.3],
                TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Array,
                TickVals = tickValues,
                TickText = tickText,
                ZeroLine = false,
                GridColor = "rgba(128,128,128,0.15)",
            }],
            YAxis = [new YAxis
            {
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Effective AI Adoption score" },
                Range = [-4, 104],
                ZeroLine = false,
                GridColor = "rgba(128,128,128,0.15)",
            }],
            // Shapes take data coordinates even on a log axis.
            Shapes =
            [
                ThresholdLine(x0: highArr, x1: highArr, xref: "x", y0: 0, y1: 1, yref: "paper"),
                ThresholdLine(x0: 0, x1: 1, xref: "paper", y0: highAi, y1: highAi, yref: "y"),
                new Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                    X0 = noArrX * 1.8, X1 = noArrX * 1.8, XRef = "x", Y0 = 0, Y1 = 1, YRef = "paper",
                    Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "rgba(128,128,128,0.35)", Width = 1, Dash = "dot" },
                },
            ],
            // Annotations, unlike shapes, take log10 of the value on a log axis.
            Annotations =
            [
                Label($"ARR {ArrFormat.Compact(highArr)}", Math.Log10(Math.Max(highArr, 1)), "x", 1, "paper",
                    Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top),
                Label($"AI {highAi.ToString("0.#", CultureInfo.InvariantCulture)}", 1, "paper", highAi, "y",
                    Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right, Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom),
                // The low-ARR labels sit right of the "no ARR" line, clear of its points.
                Corner(AiAdoptionScore.QuickWins, Math.Log10(noArrX * 2.2), "x", 0.99, left: true, topSide: true),
                Corner(AiAdoptionScore.Target, 0.99, "paper", 0.99, left: false, topSide: true),
                Corner(AiAdoptionScore.Monitor, Math.Log10(noArrX * 2.2), "x", 0.01, left: true, topSide: false),
                Corner(AiAdoptionScore.Risk, 0.99, "paper", 0.01, left: false, topSide: false),
            ],
        };
    }

    private static (IList<object> Values, IList<object> Text) Ticks(double noArrX, double top)
    {
        var values = new List<object> { noArrX };
        var text = new List<object> { "no ARR" };
        for (var power = noArrX * 10; power <= top * 1.5; power *= 10)
            foreach (var step in new[] { 1d, 2d, 5d })
            {
                var value = power * step;
                if (value > top * 1.5) break;
                values.Add(value);
                text.Add(ArrFormat.Compact(value));
            }
        return (values, text);
    }

    private static Shape ThresholdLine(double x0, double x1, string xref, double y0, double y1, string yref) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
        X0 = x0, X1 = x1, XRef = xref, Y0 = y0, Y1 = y1, YRef = yref,
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "rgba(90,90,90,0.8)", Width = 1.5m, Dash = "dash" },
    };

    private static Annotation Label(string text, double x, string xref, double y, string yref,
        Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum xAnchor, Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum yAnchor) => new()
    {
        Text = text, X = x, XRef = xref, Y = y, YRef = yref, XAnchor = xAnchor, YAnchor = yAnchor, ShowArrow = false,
        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11, Color = "rgba(90,90,90,1)" },
    };

    private static Annotation Corner(string quadrant, double x, string xref, double y, bool left, bool topSide) => new()
    {
        Text = $"<b>{quadrant}</b>", X = x, XRef = xref, Y = y, YRef = "paper", ShowArrow = false,
        XAnchor = left ? Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left : Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right,
        YAnchor = topSide ? Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top : Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 13, Color = QuadrantInfo.Colour(quadrant) },
        BgColor = "rgba(255,255,255,0.6)",
    };
}
