using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Quality;

namespace PylonPortal.Web.Components.Pages.Pipeline;

/// <summary>A row of the run history: the run log's columns, without its steps and checks.</summary>
public sealed record RunSummary(
    long Id, string Trigger, string? RequestedBy, bool FullRefresh, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? LockAcquiredAt, DateTimeOffset? FinishedAt)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>How long the run waited for another build to release the database lock.</summary>
    public TimeSpan? LockWait => LockAcquiredAt - StartedAt;
}

/// <summary>
/// What an expanded run shows: per-model counts, the raw rows staging set aside or changed and why,
/// data-quality results, the Scoring settings and the error.
/// </summary>
public sealed record RunDetail(
    IReadOnlyList<PipelineRunStep> Steps, IReadOnlyList<PipelineRowIssue> RowIssues, IReadOnlyList<PipelineCheckResult> Checks,
    string? ScoringSettings, string? Error);

/// <summary>The run log as the pipeline page reads it: a page at a time, details on demand.</summary>
public static class PipelineHistory
{
    /// <summary>
    /// A "running" row this old is not treated as a build in progress: its process most likely died, and
    /// the next build will mark it abandoned. Without this, a crash would disable Run now for good.
    /// </summary>
    public static readonly TimeSpan PresumedDeadAfter = TimeSpan.FromHours(6);

    /// <summary>Newest first.</summary>
    public static async Task<(IReadOnlyList<RunSummary> Runs, int Total)> PageAsync(
        PortalDbContext db, int page, int pageSize, CancellationToken ct = default)
    {
        var total = await db.PipelineRuns.CountAsync(ct);
        var runs = await Summaries(db.PipelineRuns.AsNoTracking().OrderByDescending(r => r.Id))
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (runs, total);
    }

    /// <summary>The newest run still marked running and recent enough to be alive, wherever it runs.</summary>
    public static async Task<RunSummary?> RunningAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var running = await Summaries(db.PipelineRuns.AsNoTracking().Where(r => r.Status == RunStatus.Running).OrderByDescending(r => r.Id))
            .FirstOrDefaultAsync(ct);
        return running is not null && now - running.StartedAt < PresumedDeadAfter ? running : null;
    }

    public static async Task<RunDetail?> DetailAsync(PortalDbContext db, long runId, CancellationToken ct = default)
    {
        var run = await db.PipelineRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.ScoringSettings, r.Error }).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var steps = await db.PipelineRunSteps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Position).ToListAsync(ct);
        var rowIssues = await db.PipelineRowIssues.AsNoTracking().Where(i => i.RunId == runId)
            .OrderBy(i => i.Model).ThenByDescending(i => i.Rows).ThenBy(i => i.Reason).ToListAsync(ct);
        // Failed errors (why a build failed) first, then failed warnings, then the checks that passed.
        var checks = await db.PipelineCheckResults.AsNoTracking().Where(c => c.RunId == runId)
            .OrderBy(c => c.Status == CheckStatus.Pass).ThenBy(c => c.Severity != Severity.Error).ThenBy(c => c.Name)
            .ToListAsync(ct);
        return new RunDetail(steps, rowIssues, checks, Indented(run.ScoringSettings), run.Error);
    }

    /// <summary>The stored settings are compact JSON; people read them indented. Anything else is shown as stored.</summary>
    public static string? Indented(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static IQueryable<RunSummary> Summaries(IQueryable<PipelineRun> runs) =>
        runs.Select(r => new RunSummary(r.Id, r.Trigger, r.RequestedBy, r.FullRefresh, r.Status, r.StartedAt, r.LockAcquiredAt, r.FinishedAt));
}
