using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Health;

/// <summary>
/// The health grid's sortable columns; each is named after the <see cref="HealthRow"/> property it sorts (<see cref="GridQuery.OrderByColumn"/> sorts by that name).
/// Segment, trend and sentiment are in the rows (and the export) but not columns of their own: the grid stays readable.
/// </summary>
public enum HealthColumn
{
    Org,
    Arr,
    Health,
    Change,
    Usage,
    Engagement,
    Support,
    Renewal,
    DaysToRenewal,
    Owner,
}

/// <summary>What the health grid and its export ask for: the shared date, segment, sort and page, and the health filters.</summary>
/// <remarks>Worst health first by default: the accounts that need a call today.</remarks>
public sealed record HealthRequest() : ScoreGridRequest<HealthRequest, HealthColumn>(HealthColumn.Health, descending: false)
{
    public string? Band { get; init; }

    /// <summary>Only accounts with at least this ARR (an org without ARR never qualifies).</summary>
    public double? MinArr { get; init; }

    /// <summary>Only the accounts whose owner (Owner_Email__c) is <see cref="UserEmail"/>.</summary>
    public bool MyAccounts { get; init; }

    /// <summary>The signed-in user's email, for <see cref="MyAccounts"/>.</summary>
    public string? UserEmail { get; init; }

    /// <summary>Part of the org or Salesforce account name, or the exact org id.</summary>
    public string? Search { get; init; }
}

/// <summary>One org's health at the as-of date, with its change against 30 days earlier (null when it had no score then).</summary>
public sealed record HealthRow : ScoreRow
{
    public decimal? Change { get; init; }
    public decimal Usage { get; init; }
    public decimal Engagement { get; init; }
    public decimal Support { get; init; }
    public decimal Renewal { get; init; }
    public decimal Trend { get; init; }
    public decimal Sentiment { get; init; }
    public int? DaysToRenewal { get; init; }
    public DateOnly? RenewalDate { get; init; }
}

/// <summary>
/// The health grid's query over fct_reference_readiness_30d: filtering, sorting, paging and the 30-day
/// change (a LEFT JOIN to the same mart 30 days earlier) all run in the database; only a page, or for the
/// export a stream of rows, comes back.
/// </summary>
public static class HealthQuery
{
    public static Task<PagedRows<HealthRow>> PageAsync(PortalDbContext db, HealthRequest request, CancellationToken ct = default) =>
        GridQuery.ScoresPageAsync(db, request.AsOf, request.Page, request.PageSize,
            asOf => Filtered(db, request, asOf), asOf => Query(db, request, asOf), ct);

    /// <summary>Every matching row in the requested order (paging ignored), streamed from the database.</summary>
    public static IAsyncEnumerable<HealthRow> AllAsync(PortalDbContext db, HealthRequest request, CancellationToken ct = default) =>
        GridQuery.AllScoreRowsAsync(db, request.AsOf, asOf => Query(db, request, asOf), ct);

    /// <summary>The segments present at the date, for the filter.</summary>
    public static async Task<FilterChoices> ChoicesAsync(PortalDbContext db, DateOnly asOf, CancellationToken ct = default) =>
        new(await GridQuery.ValuesAsync(GridQuery.ScoresAt(db, asOf).Select(r => r.AccountSegment), ct), Industries: []);

    /// <summary>The matching rows at the date with their change, in the requested order: one SQL query, not yet paged.</summary>
    internal static IQueryable<HealthRow> Query(PortalDbContext db, HealthRequest request, DateOnly asOf) =>
        WithChange(db, Filtered(db, request, asOf), asOf).OrderByColumn(request.SortBy, request.Descending);

    private static IQueryable<ReferenceReadinessRow> Filtered(PortalDbContext db, HealthRequest request, DateOnly asOf)
    {
        var rows = GridQuery.ScoresAt(db, asOf, request.Segment);
        if (!string.IsNullOrWhiteSpace(request.Band))
            rows = rows.Where(r => r.HealthBand == request.Band);
        if (request.MinArr is { } minArr)
            rows = rows.Where(r => r.CurrentArr >= minArr);
        if (request.MyAccounts)
        {
            // Emails compare case-insensitively; a user without one owns nothing.
            var email = request.UserEmail?.Trim().ToLowerInvariant();
            rows = string.IsNullOrEmpty(email) ? rows.Where(r => false) : rows.Where(r => r.OwnerEmail!.ToLower() == email);
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var id = request.Search.Trim();
            // Search ignores case on both engines: SQLite's LIKE does already (ASCII), SQL Server's follows the
            // column's binary collation, so both sides are lowered.
            var pattern = GridQuery.ContainsPattern(id).ToLowerInvariant();
            rows = rows.Where(r => EF.Functions.Like(r.OrgName!.ToLower(), pattern, GridQuery.LikeEscape)
                                   || EF.Functions.Like(r.SalesforceAccountName!.ToLower(), pattern, GridQuery.LikeEscape)
                                   || r.OrgId == id);
        }
        return rows;
    }

    private static IQueryable<HealthRow> WithChange(PortalDbContext db, IQueryable<ReferenceReadinessRow> rows, DateOnly asOf)
    {
        var monthBefore = asOf.AddDays(-30);
        return from r in rows
               join p in db.ReferenceReadiness.Where(p => p.AsOfDate == monthBefore) on r.OrgId equals p.OrgId into earlier
               from p in earlier.DefaultIfEmpty()
               select new HealthRow
               {
                   OrgId = r.OrgId,
                   Org = r.OrgName ?? r.SalesforceAccountName,
                   AccountName = r.SalesforceAccountName,
                   Segment = r.AccountSegment,
                   Arr = r.CurrentArr,
                   Health = r.HealthScore,
                   Band = r.HealthBand,
                   Change = p == null ? null : r.HealthScore - p.HealthScore,
                   Usage = r.UsageScore,
                   Engagement = r.EngagementScore,
                   Support = r.SupportScore,
                   Renewal = r.RenewalScore,
                   Trend = r.TrendScore,
                   Sentiment = r.SentimentScore,
                   DaysToRenewal = r.DaysToRenewal,
                   RenewalDate = r.RenewalDate,
                   Owner = r.OwnerEmail,
               };
    }
}
