using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Components.Pages.Changes;

/// <summary>What the changes page and its export ask for: every change of the last 30 days matching the filters.</summary>
public sealed record ChangesRequest
{
    /// <summary>One of <see cref="ChangeKinds.All"/>; every kind when null.</summary>
    public string? Kind { get; init; }

    /// <summary>The owner's email (Owner_Email__c), exactly.</summary>
    public string? Owner { get; init; }

    public string? Segment { get; init; }

    /// <summary>Only orgs with at least this ARR (0: every org, also those without ARR).</summary>
    public decimal MinArr { get; init; }
}

/// <summary>The changes of the last 30 days of data, newest first, filtered in the database.</summary>
public static class ChangesQuery
{
    public const int Days = 30;

    /// <summary>The page shows this many; the export has every row.</summary>
    public const int PageLimit = 500;

    public static async Task<IQueryable<ScoreChange>> FilteredAsync(PortalDbContext db, ChangesRequest request, CancellationToken ct = default)
    {
        var since = await SinceAsync(db, ct);
        var rows = db.ScoreChanges.AsNoTracking().Where(c => c.AsOfDate >= since);
        if (request.Kind is { } kind) rows = rows.Where(c => c.Kind == kind);
        if (request.Owner is { } owner) rows = rows.Where(c => c.OwnerEmail == owner);
        if (request.Segment is { } segment) rows = rows.Where(c => c.AccountSegment == segment);
        if (request.MinArr > 0)
        {
            var min = (double)request.MinArr;
            rows = rows.Where(c => c.CurrentArr >= min);
        }
        return rows.OrderByDescending(c => c.AsOfDate).ThenByDescending(c => c.Id);
    }

    /// <summary>The first as-of date of the window: 30 days back from the latest change (the data's "today").</summary>
    private static async Task<DateOnly> SinceAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.ScoreChanges.MaxAsync(c => (DateOnly?)c.AsOfDate, ct) ?? DateOnly.MaxValue.AddDays(-Days)).AddDays(-(Days - 1));

    public static async Task<(List<string> Owners, List<string> Segments)> ChoicesAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var since = await SinceAsync(db, ct);
        var recent = db.ScoreChanges.Where(c => c.AsOfDate >= since);
        var owners = await recent.Where(c => c.OwnerEmail != null).Select(c => c.OwnerEmail!).Distinct().OrderBy(o => o).ToListAsync(ct);
        var segments = await recent.Where(c => c.AccountSegment != null).Select(c => c.AccountSegment!).Distinct().OrderBy(s => s).ToListAsync(ct);
        return (owners, segments);
    }
}
