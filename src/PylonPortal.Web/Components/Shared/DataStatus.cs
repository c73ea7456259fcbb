using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Web.Components.Shared;

/// <summary>What every page shows about the data: how recent it is and whether the last build failed (DESIGN section 7).</summary>
public sealed record DataStatus(DateOnly? DataThrough, PipelineRun? LastBuild, DateOnly Today)
{
    /// <summary>Stale: the latest activity date is older than yesterday (UTC).</summary>
    public bool IsStale => DataThrough is null || DataThrough < Today.AddDays(-1);

    public bool LastBuildFailed => LastBuild?.Status == RunStatus.Failed;

    public static async Task<DataStatus> LoadAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var through = await db.OrgDailyActivity.MaxAsync(d => (DateOnly?)d.ActivityDate, ct);
        var lastBuild = await db.PipelineRuns.AsNoTracking()
            .Where(r => r.Trigger != Triggers.Test && r.Status != RunStatus.Running && r.Status != RunStatus.Skipped)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return new DataStatus(through, lastBuild, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
