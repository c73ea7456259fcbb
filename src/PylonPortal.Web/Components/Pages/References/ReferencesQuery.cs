using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>The references grid's sortable columns; each is named after the <see cref="ReferenceRow"/> property it sorts (<see cref="GridQuery.OrderByColumn"/> sorts by that name).</summary>
public enum ReferencesColumn
{
    Org,
    Segment,
    Industry,
    Arr,
    Readiness,
    Health,
    AiAdoption,
    Size,
    Tenure,
    Owner,
}

/// <summary>What the references grid and its export ask for: the shared date, segment, sort and page, and the readiness filters.</summary>
/// <remarks>Ranked by readiness, best first, by default.</remarks>
public sealed record ReferencesRequest() : ScoreGridRequest<ReferencesRequest, ReferencesColumn>(ReferencesColumn.Readiness, descending: true)
{
    public const decimal DefaultMinReadiness = 60m;

    public string? Industry { get; init; }

    /// <summary>Besides the candidates, orgs that are not (yet) candidates but reach <see cref="MinReadiness"/>.</summary>
    public bool IncludeNonCandidates { get; init; }

    public decimal MinReadiness { get; init; } = DefaultMinReadiness;

    /// <summary>Only orgs whose Effective AI Adoption score reaches this (DESIGN section 1: AI-adopting references).</summary>
    public decimal? MinAiAdoption { get; init; }
}

/// <summary>One org's reference readiness at the as-of date, with its components and its AI adoption.</summary>
public sealed record ReferenceRow : ScoreRow
{
    public string? Industry { get; init; }
    public decimal Readiness { get; init; }
    public bool IsCandidate { get; init; }

    /// <summary>The Effective AI Adoption Score at the same date; null when the org has no adoption row.</summary>
    public decimal? AiAdoption { get; init; }

    public decimal Size { get; init; }
    public decimal Tenure { get; init; }
}

/// <summary>
/// The references grid's query over fct_reference_readiness_30d, LEFT JOINed to fct_customer_ai_adoption_30d
/// on org and date: filtering, sorting and paging run in the database; only a page, or for the export a
/// stream of rows, comes back.
/// </summary>
public static class ReferencesQuery
{
    public static Task<PagedRows<ReferenceRow>> PageAsync(PortalDbContext db, ReferencesRequest request, CancellationToken ct = default) =>
        GridQuery.ScoresPageAsync(db, request.AsOf, request.Page, request.PageSize,
            asOf => Filtered(db, request, asOf), asOf => Query(db, request, asOf), ct);

    /// <summary>Every matching row in the requested order (paging ignored), streamed from the database.</summary>
    public static IAsyncEnumerable<ReferenceRow> AllAsync(PortalDbContext db, ReferencesRequest request, CancellationToken ct = default) =>
        GridQuery.AllScoreRowsAsync(db, request.AsOf, asOf => Query(db, request, asOf), ct);

    /// <summary>The segments and industries present at the date, for the filters.</summary>
    public static async Task<FilterChoices> ChoicesAsync(PortalDbContext db, DateOnly asOf, CancellationToken ct = default)
    {
        var atDate = GridQuery.ScoresAt(db, asOf);
        return new(await GridQuery.ValuesAsync(atDate.Select(r => r.AccountSegment), ct), await GridQuery.ValuesAsync(atDate.Select(r => r.Industry), ct));
    }

    /// <summary>The matching rows at the date with their AI adoption, in the requested order: one SQL query, not yet paged.</summary>
    internal static IQueryable<ReferenceRow> Query(PortalDbContext db, ReferencesRequest request, DateOnly asOf) =>
        WithAiAdoption(db, Filtered(db, request, asOf), asOf).OrderByColumn(request.SortBy, request.Descending);

    private static IQueryable<ReferenceReadinessRow> Filtered(PortalDbContext db, ReferencesRequest request, DateOnly asOf)
    {
        var rows = GridQuery.ScoresAt(db, asOf, request.Segment);
        rows = request.IncludeNonCandidates
            ? rows.Where(r => r.IsReferenceCandidate || r.ReferenceReadinessScore >= request.MinReadiness)
            : rows.Where(r => r.IsReferenceCandidate);
        if (!string.IsNullOrWhiteSpace(request.Industry))
            rows = rows.Where(r => r.Industry == request.Industry);
        if (request.MinAiAdoption is { } minAi)
            rows = rows.Where(r => db.AiAdoption.Any(a => a.OrgId == r.OrgId && a.AsOfDate == asOf && a.EffectiveAiAdoptionScore >= minAi));
        return rows;
    }

    private static IQueryable<ReferenceRow> WithAiAdoption(PortalDbContext db, IQueryable<ReferenceReadinessRow> rows, DateOnly asOf) =>
        from r in rows
        join a in db.AiAdoption.Where(a => a.AsOfDate == asOf) on r.OrgId equals a.OrgId into adoption
        from a in adoption.DefaultIfEmpty()
        select new ReferenceRow
        {
            OrgId = r.OrgId,
            Org = r.OrgName ?? r.SalesforceAccountName,
            AccountName = r.SalesforceAccountName,
            Segment = r.AccountSegment,
            Industry = r.Industry,
            Arr = r.CurrentArr,
            Readiness = r.ReferenceReadinessScore,
            IsCandidate = r.IsReferenceCandidate,
            Health = r.HealthScore,
            Band = r.HealthBand,
            AiAdoption = a == null ? null : a.EffectiveAiAdoptionScore,
            Size = r.SizeScore,
            Tenure = r.TenureScore,
            Owner = r.OwnerEmail,
        };
}
