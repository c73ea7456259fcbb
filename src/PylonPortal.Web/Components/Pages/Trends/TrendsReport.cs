using PylonPortal.Analytics.Staging;

namespace PylonPortal.Web.Components.Pages.Trends;

/// <summary>The categories the trends page charts, in stacking order, with one colour each across every chart.</summary>
public static class TrendCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        EventClassifier.IssueManagement, EventClassifier.AiFeatures, EventClassifier.FrontendNavigation,
        EventClassifier.KnowledgeBase, EventClassifier.Other,
    ];

    /// <summary>Adoption breadth is about features: "Other" is not one.</summary>
    public static readonly IReadOnlyList<string> Features = All.Where(c => c != EventClassifier.Other).ToList();

    public static string Color(string? category) => category switch
    {
        EventClassifier.IssueManagement => "#1e88e5",
        EventClassifier.AiFeatures => "#8e24aa",
        EventClassifier.FrontendNavigation => "#43a047",
        EventClassifier.KnowledgeBase => "#fb8c00",
        _ => "#9e9e9e",
    };
}

/// <summary>The page's filters, as they appear in the URL.</summary>
public sealed record TrendsFilter(string? Segment, int Weeks)
{
    public const int DefaultWeeks = 26;
    public static readonly IReadOnlyList<int> WeekChoices = [8, 13, 26, 52];

    /// <summary>A hand-edited URL cannot ask for a silly range.</summary>
    public static int ClampWeeks(int? weeks) => Math.Clamp(weeks ?? DefaultWeeks, 1, 104);
}

/// <summary>One Monday-start UTC week of the chosen segment.</summary>
/// <param name="IsPartial">
/// The week starts before the history or runs past the latest data: its counts are not comparable with full weeks.
/// </param>
/// <param name="Events">Events per category of <see cref="TrendCategories.All"/>.</param>
/// <param name="ActiveOrgs">Orgs with any event in the week.</param>
/// <param name="OrgsUsing">Active orgs with an event of each feature category in the week.</param>
public sealed record TrendWeek(
    DateOnly Start, bool IsPartial, IReadOnlyDictionary<string, long> Events, int ActiveOrgs, IReadOnlyDictionary<string, int> OrgsUsing)
{
    public long TotalEvents => Events.Values.Sum();

    /// <summary>The category's share of the week's events, 0 to 1.</summary>
    public double Share(string category) => TotalEvents == 0 ? 0 : (double)Events[category] / TotalEvents;

    /// <summary>The share of active orgs that used the category, 0 to 1.</summary>
    public double Breadth(string category) => ActiveOrgs == 0 ? 0 : (double)OrgsUsing[category] / ActiveOrgs;
}

/// <summary>An event name's attributed events in the recent window and the window before it.</summary>
public sealed record EventGrowth(string Event, string? Category, long Recent, long Previous)
{
    /// <summary>No events in the earlier window: growth has no percentage.</summary>
    public bool IsNew => Previous == 0;

    public long Change => Recent - Previous;

    public double? PercentChange => IsNew ? null : 100.0 * Change / Previous;
}

/// <param name="Start">First day, inclusive.</param>
/// <param name="End">Last day, inclusive.</param>
public sealed record DateWindow(DateOnly Start, DateOnly End);

/// <param name="DataFrom">The first activity date of the whole history.</param>
/// <param name="DataThrough">The latest activity date: the growth windows end here.</param>
public sealed record TrendsReport(
    DateOnly DataFrom, DateOnly DataThrough, IReadOnlyList<TrendWeek> Weeks,
    DateWindow RecentWindow, DateWindow PreviousWindow, IReadOnlyList<EventGrowth> FastestGrowing);
