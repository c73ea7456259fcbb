using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Components.Shared;

/// <summary>The as-of dates that have scores (fct_reference_readiness_30d): the latest by default, the range for a date picker.</summary>
public static class ScoreDates
{
    public static Task<DateOnly?> LatestAsync(PortalDbContext db, CancellationToken ct = default) =>
        db.ReferenceReadiness.MaxAsync(r => (DateOnly?)r.AsOfDate, ct);

    public static async Task<(DateOnly First, DateOnly Last)?> RangeAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var first = await db.ReferenceReadiness.MinAsync(r => (DateOnly?)r.AsOfDate, ct);
        var last = await LatestAsync(db, ct);
        return first is { } f && last is { } l ? (f, l) : null;
    }

    /// <summary>The requested date when it has scores, else the latest, with a note saying so.</summary>
    public static (DateOnly? AsOf, string? Notice) Choose(DateOnly? requested, (DateOnly First, DateOnly Last)? range) =>
        (requested, range) switch
        {
            (_, null) => (null, null),
            (null, { } r) => (r.Last, null),
            ({ } d, { } r) when d >= r.First && d <= r.Last => (d, null),
            ({ } d, { } r) => (r.Last, string.Create(CultureInfo.InvariantCulture, $"There are no scores for {d:yyyy-MM-dd}; showing the latest, {r.Last:yyyy-MM-dd}.")),
        };
}
