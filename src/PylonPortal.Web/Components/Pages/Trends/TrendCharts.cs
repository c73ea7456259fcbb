using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PlotLayout = Plotly.Blazor.Layout;

namespace PylonPortal.Web.Components.Pages.Trends;

/// <summary>
/// Plotly figures for the trends page: SVG bar and scatter traces only (the Content-Security-Policy
/// forbids the eval that WebGL traces need). Weeks are categories labelled by their Monday; partial weeks
/// say so in their label and are drawn faded.
/// </summary>
public static class TrendCharts
{
    private const decimal PartialOpacity = 0.45m;
    private const string GridColor = "rgba(128,128,128,0.2)";

    /// <summary>The page's three charts, built once per load so re-renders do not redraw them.</summary>
    public sealed record Figures(
        IList<ITrace> Events, PlotLayout EventsLayout, IList<ITrace> Share, PlotLayout ShareLayout,
        IList<ITrace> Breadth, PlotLayout BreadthLayout, Config Config);

    public static Figures For(TrendsReport report) => new(
        EventsByCategory(report.Weeks), Layout("Events", stacked: true, maxCount: report.Weeks.Select(w => w.TotalEvents).DefaultIfEmpty(0).Max()),
        ShareByCategory(report.Weeks), Layout("Share of the week's events", percent: true),
        AdoptionBreadth(report.Weeks), Layout("Active orgs using it", percent: true),
        new Config { Responsive = true, DisplayLogo = false });

    /// <summary>Each week's Monday; the year only where it starts or changes, to keep the axis short.</summary>
    public static List<string> WeekLabels(IReadOnlyList<TrendWeek> weeks) =>
        weeks.Select((week, i) =>
        {
            var withYear = i == 0 || weeks[i - 1].Start.Year != week.Start.Year;
            return week.Start.ToString(withYear ? "d MMM yyyy" : "d MMM", CultureInfo.InvariantCulture) + (week.IsPartial ? " (partial)" : "");
        }).ToList();

    public static IList<ITrace> EventsByCategory(IReadOnlyList<TrendWeek> weeks) =>
        TrendCategories.All.Select(category => (ITrace)new Bar
        {
            Name = category,
            X = Labels(weeks),
            Y = weeks.Select(w => (object)w.Events[category]).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker
            {
                Color = TrendCategories.Color(category),
                OpacityArray = weeks.Select(w => (decimal?)(w.IsPartial ? PartialOpacity : 1m)).ToList(),
            },
            HoverTemplate = "%{y:,} events<extra>" + category + "</extra>",
        }).ToList();

    public static IList<ITrace> ShareByCategory(IReadOnlyList<TrendWeek> weeks) =>
        TrendCategories.All.Select(category => (ITrace)Line(weeks, category, w => w.Share(category), "of events")).ToList();

    public static IList<ITrace> AdoptionBreadth(IReadOnlyList<TrendWeek> weeks) =>
        TrendCategories.Features.Select(category => (ITrace)Line(weeks, category, w => w.Breadth(category), "of active orgs")).ToList();

    /// <param name="maxCount">The largest count on a count axis: below 5, ticks every whole number (automatic ticks at 0.2 steps
    /// would read "0, 0, 0, 1, 1, 1" with whole-number labels), and an empty chart still shows 0 to 1.</param>
    private static PlotLayout Layout(string yTitle, bool stacked = false, bool percent = false, long? maxCount = null)
    {
        var layout = Base(yTitle, stacked, percent);
        if (maxCount is < 5 and var max)
        {
            layout.YAxis[0].DTick = 1;
            layout.YAxis[0].Range = [0, Math.Max(max, 1)];
        }
        return layout;
    }

    private static PlotLayout Base(string yTitle, bool stacked, bool percent) => new()
    {
        BarMode = stacked ? BarModeEnum.Stack : null,
        HoverMode = HoverModeEnum.XUnified,
        Height = 340,
        Margin = new Margin { L = 60, R = 20, T = 70, B = 90 },
        // Transparent, with mid-grey text and faint grid lines: readable on the light and the dark theme alike.
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = "#777777" },
        // Above the plot, in the categories' order (Plotly reverses stacked bars' legend by default).
        Legend =
        [
            new Legend
            {
                Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
                Y = 1.02m,
                YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
                TraceOrder = Plotly.Blazor.LayoutLib.LegendLib.TraceOrderFlag.Normal,
            },
        ],
        XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, TickAngle = -45, GridColor = GridColor }],
        YAxis =
        [
            new YAxis
            {
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle },
                TickFormat = percent ? ".0%" : ",d",
                RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
                GridColor = GridColor,
            },
        ],
    };

    private static Scatter Line(IReadOnlyList<TrendWeek> weeks, string category, Func<TrendWeek, double> value, string what) => new()
    {
        Name = category,
        Mode = ModeFlag.Lines | ModeFlag.Markers,
        X = Labels(weeks),
        Y = weeks.Select(w => (object)Math.Round(value(w), 4)).ToList(),
        Line = new Line { Color = TrendCategories.Color(category), Width = 2 },
        Marker = new Marker
        {
            Color = TrendCategories.Color(category),
            Size = 6,
            OpacityArray = weeks.Select(w => (decimal?)(w.IsPartial ? PartialOpacity : 1m)).ToList(),
        },
        HoverTemplate = "%{y:.1%} " + what + "<extra>" + category + "</extra>",
    };

    private static List<object> Labels(IReadOnlyList<TrendWeek> weeks) => WeekLabels(weeks).Cast<object>().ToList();
}
