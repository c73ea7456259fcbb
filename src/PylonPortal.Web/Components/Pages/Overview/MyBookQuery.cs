using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Overview;

/// <summary>A book of business at the latest as-of date: its ARR, its at-risk ARR, its latest changes and next renewals.</summary>
public sealed record MyBook(
    DateOnly AsOf, int Accounts, double Arr, double AtRiskArr, IReadOnlyList<ScoreChange> Changes, IReadOnlyList<ReferenceReadinessRow> Renewals);

public static class MyBookQuery
{
    public const int Shown = 8;

    /// <summary>The book of <paramref name="owner"/> (Owner_Email__c; everyone's when null); null before the first build.</summary>
    public static async Task<MyBook?> LoadAsync(PortalDbContext db, string? owner, CancellationToken ct = default)
    {
        if (await ScoreDates.LatestAsync(db, ct) is not { } asOf) return null;
        var accounts = db.ReferenceReadiness.AsNoTracking().Where(r => r.AsOfDate == asOf);
        if (owner is not null) accounts = accounts.Where(r => r.OwnerEmail == owner);
        var totals = await accounts.GroupBy(_ => 1).Select(g => new
        {
            Accounts = g.Count(),
            Arr = g.Sum(r => r.CurrentArr ?? 0),
            AtRisk = g.Sum(r => r.HealthBand == HealthScore.AtRisk ? r.CurrentArr ?? 0 : 0),
        }).FirstOrDefaultAsync(ct);
        var renewals = await accounts.Where(r => r.DaysToRenewal >= 0)
            .OrderBy(r => r.DaysToRenewal).ThenBy(r => r.OrgId).Take(Shown).ToListAsync(ct);

        // "Since the last build": the changes at the newest as-of date a build compared (every build of that day).
        var latestChanges = await db.ScoreChangeRuns.MaxAsync(r => (DateOnly?)r.AsOfDate, ct);
        var changes = db.ScoreChanges.AsNoTracking().Where(c => c.AsOfDate == latestChanges);
        if (owner is not null) changes = changes.Where(c => c.OwnerEmail == owner);
        var latest = await changes.OrderByDescending(c => c.DetectedAt).ThenByDescending(c => c.CurrentArr).Take(Shown).ToListAsync(ct);
        return new MyBook(asOf, totals?.Accounts ?? 0, totals?.Arr ?? 0, totals?.AtRisk ?? 0, latest, renewals);
    }

    /// <summary>The owners of the latest as-of date's accounts, for an Admin to pick from.</summary>
    public static async Task<List<string>> OwnersAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (await ScoreDates.LatestAsync(db, ct) is not { } asOf) return [];
        return await db.ReferenceReadiness.Where(r => r.AsOfDate == asOf && r.OwnerEmail != null)
            .Select(r => r.OwnerEmail!).Distinct().OrderBy(o => o).ToListAsync(ct);
    }
}
