using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Overview;

/// <summary>The overview's filters, as they appear in the query string.</summary>
public sealed record OverviewFilter(string? Segment, string? Industry, string? SeatTier, DateOnly? Date)
{
    public static readonly OverviewFilter None = new(null, null, null, null);
}

/// <summary>One org on the scatter and in the quadrant list.</summary>
public sealed record OverviewOrg(
    string OrgId, string? OrgName, string? AccountName, string? Segment, double? Arr, bool IsPaying,
    decimal AiScore, string Quadrant, int ActiveUsers, decimal HealthScore, string HealthBand, int? DaysToRenewal, string? OwnerEmail,
    decimal? HealthChange = null)
{
    public string DisplayName => OrgNames.Display(OrgName, AccountName, OrgId);
    public bool IsUnnamed => OrgNames.IsUnnamed(OrgName, AccountName);
    public bool HasArr => Arr > 0;
}

/// <summary>The values each filter offers: those present at the as-of date.</summary>
public sealed record OverviewFilterOptions(IReadOnlyList<string> Segments, IReadOnlyList<string> Industries, IReadOnlyList<string> SeatTiers);

/// <summary>Everything the overview shows for one as-of date and filter.</summary>
public sealed record OverviewData(
    DateOnly AsOf, DateOnly FirstDate, DateOnly LastDate, bool RequestedDateMissing, OverviewFilterOptions Options,
    int PayingCustomers, double PayingArr, decimal? MedianPayingAiScore, IReadOnlyList<QuadrantTotal> Quadrants,
    IReadOnlyList<OverviewOrg> Orgs)
{
    public QuadrantTotal Quadrant(string name) => Quadrants.FirstOrDefault(q => q.Quadrant == name) ?? new QuadrantTotal(name, 0, 0);
}

/// <summary>
/// The overview's queries: fct_customer_ai_adoption_30d joined to fct_reference_readiness_30d at one as-of
/// date. Counts, sums and the median run in the database; only the chart's points (one row per org) come back.
/// </summary>
public static class OverviewQueries
{
    /// <summary>The overview for the filter; null when the marts have no rows yet.</summary>
    public static async Task<OverviewData?> LoadAsync(PortalDbContext db, OverviewFilter filter, CancellationToken ct = default)
    {
        var dates = db.AiAdoption.AsNoTracking().Select(r => r.AsOfDate);
        var last = await dates.MaxAsync(d => (DateOnly?)d, ct);
        if (last is null) return null;
        var first = await dates.MinAsync(d => (DateOnly?)d, ct) ?? last.Value;

        var requested = filter.Date;
        var missing = requested is { } r && (r < first || r > last);
        var asOf = requested is { } date && !missing ? date : last.Value;

        var atDate = db.AiAdoption.AsNoTracking().Where(a => a.AsOfDate == asOf);
        var options = await OptionsAsync(atDate, ct);

        var rows = Filtered(atDate, filter);
        var byQuadrant = await rows
            .GroupBy(a => new { a.ArrAiQuadrant, a.IsPayingCustomer })
            .Select(g => new { g.Key.ArrAiQuadrant, g.Key.IsPayingCustomer, Orgs = g.Count(), Arr = g.Sum(a => a.CurrentArr) ?? 0 })
            .ToListAsync(ct);
        var quadrants = byQuadrant
            .GroupBy(q => q.ArrAiQuadrant)
            .Select(g => new QuadrantTotal(g.Key, g.Sum(q => q.Orgs), g.Sum(q => q.Arr)))
            .ToList();
        var paying = byQuadrant.Where(q => q.IsPayingCustomer).ToList();

        // Health 30 days before, for its change: a Risk account that is Healthy and steady reads differently from a falling one.
        var monthBefore = asOf.AddDays(-30);
        var orgs = await (
                from a in rows
                join h in db.ReferenceReadiness.AsNoTracking() on new { a.OrgId, a.AsOfDate } equals new { h.OrgId, h.AsOfDate }
                join p in db.ReferenceReadiness.AsNoTracking().Where(p => p.AsOfDate == monthBefore) on a.OrgId equals p.OrgId into earlier
                from p in earlier.DefaultIfEmpty()
                select new OverviewOrg(a.OrgId, a.OrgName, a.SalesforceAccountName, a.AccountSegment, a.CurrentArr, a.IsPayingCustomer,
                    a.EffectiveAiAdoptionScore, a.ArrAiQuadrant, a.ActiveUsers30d, h.HealthScore, h.HealthBand, h.DaysToRenewal, a.OwnerEmail,
                    p == null ? null : h.HealthScore - p.HealthScore))
            .ToListAsync(ct);

        return new OverviewData(asOf, first, last.Value, missing, options,
            paying.Sum(q => q.Orgs), paying.Sum(q => q.Arr), await MedianAiScoreAsync(rows.Where(a => a.IsPayingCustomer), ct),
            quadrants, orgs);
    }

    private static IQueryable<AiAdoptionRow> Filtered(IQueryable<AiAdoptionRow> rows, OverviewFilter filter)
    {
        if (filter.Segment is { } segment) rows = rows.Where(a => a.AccountSegment == segment);
        if (filter.Industry is { } industry) rows = rows.Where(a => a.Industry == industry);
        if (filter.SeatTier is { } tier) rows = rows.Where(a => a.SeatTier == tier);
        return rows;
    }

    private static async Task<OverviewFilterOptions> OptionsAsync(IQueryable<AiAdoptionRow> atDate, CancellationToken ct)
    {
        var combinations = await atDate.Select(a => new { a.AccountSegment, a.Industry, a.SeatTier }).Distinct().ToListAsync(ct);
        static List<string> Values(IEnumerable<string?> values) =>
            values.OfType<string>().Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new OverviewFilterOptions(
            Values(combinations.Select(c => c.AccountSegment)),
            Values(combinations.Select(c => c.Industry)),
            Values(combinations.Select(c => c.SeatTier)));
    }

    /// <summary>The median in the database: the middle one or two scores of the ordered rows.</summary>
    private static async Task<decimal?> MedianAiScoreAsync(IQueryable<AiAdoptionRow> rows, CancellationToken ct)
    {
        var count = await rows.CountAsync(ct);
        if (count == 0) return null;
        var middle = await rows.OrderBy(a => a.EffectiveAiAdoptionScore).Select(a => a.EffectiveAiAdoptionScore)
            .Skip((count - 1) / 2).Take(count % 2 == 0 ? 2 : 1).ToListAsync(ct);
        return ScoreMath.Round(middle.Average());
    }
}
