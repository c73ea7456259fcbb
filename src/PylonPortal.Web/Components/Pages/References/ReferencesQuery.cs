using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>The references grid's sortable columns; each is named after the <see cref="ReferenceRow"/> property it sorts.</summary>
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

/// <summary>What the references grid and its export ask for: filters, one sort column, a page (0-based).</summary>
public sealed record ReferencesRequest
{
    public const int DefaultPageSize = 25;
    public const decimal DefaultMinReadiness = 60m;

    /// <summary>The as-of date; the latest in the mart when null.</summary>
    public DateOnly? AsOf { get; init; }

    public string? Segment { get; init; }
    public string? Industry { get; init; }

    /// <summary>Besides the candidates, orgs that are not (yet) candidates but reach <see cref="MinReadiness"/>.</summary>
    public bool IncludeNonCandidates { get; init; }

    public decimal MinReadiness { get; init; } = DefaultMinReadiness;

    /// <summary>Only orgs whose Effective AI Adoption score reaches this (DESIGN section 1: AI-adopting references).</summary>
    public decimal? MinAiAdoption { get; init; }

    /// <summary>Ranked by readiness, best first, by default.</summary>
    public ReferencesColumn SortBy { get; init; } = ReferencesColumn.Readiness;

    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One org's reference readiness at the as-of date, with its components and its AI adoption.</summary>
public sealed record ReferenceRow
{
    public required string OrgId { get; init; }

    /// <summary>The org's name, else its Salesforce account name, else its id.</summary>
    public required string Org { get; init; }

    public string? AccountName { get; init; }
    public string? Segment { get; init; }
    public string? Industry { get; init; }
    public double? Arr { get; init; }
    public decimal Readiness { get; init; }
    public bool IsCandidate { get; init; }
    public decimal Health { get; init; }
    public required string Band { get; init; }

    /// <summary>The Effective AI Adoption Score at the same date; null when the org has no adoption row.</summary>
    public decimal? AiAdoption { get; init; }

    public decimal Size { get; init; }
    public decimal Tenure { get; init; }
    public string? Owner { get; init; }
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
    public static async Task<(List<string> Segments, List<string> Industries)> ChoicesAsync(PortalDbContext db, DateOnly asOf, CancellationToken ct = default)
    {
        var atDate = db.ReferenceReadiness.Where(r => r.AsOfDate == asOf);
        var segments = await atDate.Where(r => r.AccountSegment != null).Select(r => r.AccountSegment!).Distinct().OrderBy(s => s).ToListAsync(ct);
        var industries = await atDate.Where(r => r.Industry != null).Select(r => r.Industry!).Distinct().OrderBy(s => s).ToListAsync(ct);
        return (segments, industries);
    }

    /// <summary>The matching rows at the date with their AI adoption, in the requested order: one SQL query, not yet paged.</summary>
    internal static IQueryable<ReferenceRow> Query(PortalDbContext db, ReferencesRequest request, DateOnly asOf) =>
        Sorted(WithAiAdoption(db, Filtered(db, request, asOf), asOf), request);

    private static IQueryable<ReferenceReadinessRow> Filtered(PortalDbContext db, ReferencesRequest request, DateOnly asOf)
    {
        var rows = db.ReferenceReadiness.AsNoTracking().Where(r => r.AsOfDate == asOf);
        rows = request.IncludeNonCandidates
            ? rows.Where(r => r.IsReferenceCandidate || r.ReferenceReadinessScore >= request.MinReadiness)
            : rows.Where(r => r.IsReferenceCandidate);
        if (!string.IsNullOrWhiteSpace(request.Segment))
            rows = rows.Where(r => r.AccountSegment == request.Segment);
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
            Org = r.OrgName ?? r.SalesforceAccountName ?? r.OrgId,
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

    private static IQueryable<ReferenceRow> Sorted(IQueryable<ReferenceRow> rows, ReferencesRequest request)
    {
        var desc = request.Descending;
        return request.SortBy switch
        {
            ReferencesColumn.Org => rows.OrderByColumn(r => r.Org, desc, r => r.OrgId),
            ReferencesColumn.Segment => rows.OrderByColumn(r => r.Segment, desc, r => r.OrgId),
            ReferencesColumn.Industry => rows.OrderByColumn(r => r.Industry, desc, r => r.OrgId),
            ReferencesColumn.Arr => rows.OrderByColumn(r => r.Arr, desc, r => r.OrgId),
            ReferencesColumn.Health => rows.OrderByColumn(r => r.Health, desc, r => r.OrgId),
            ReferencesColumn.AiAdoption => rows.OrderByColumn(r => r.AiAdoption, desc, r => r.OrgId),
            ReferencesColumn.Size => rows.OrderByColumn(r => r.Size, desc, r => r.OrgId),
            ReferencesColumn.Tenure => rows.OrderByColumn(r => r.Tenure, desc, r => r.OrgId),
            ReferencesColumn.Owner => rows.OrderByColumn(r => r.Owner, desc, r => r.OrgId),
            _ => rows.OrderByColumn(r => r.Readiness, desc, r => r.OrgId),
        };
    }
}
