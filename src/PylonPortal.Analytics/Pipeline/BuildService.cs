using System.Text.Json;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.Trends;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Quality;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Pipeline;

public sealed record BuildRequest(string Trigger, bool FullRefresh = false, string? RequestedBy = null);

public sealed record BuildResult(
    long RunId, string Status, TimeSpan Duration, IReadOnlyList<PipelineRunStep> Steps,
    IReadOnlyList<PipelineCheckResult> Checks, string? Error)
{
    public bool Succeeded => Status == RunStatus.Succeeded;
}

/// <summary>
/// Runs a build: staging, marts and data-quality checks in one transaction, under the database lock.
/// The schedule, the portal and the CLI all run this. A build that fails or dies leaves the marts as
/// they were; the run log says what happened either way.
/// </summary>
public sealed class BuildService(
    PortalDbFactory databases, PipelineOptions pipeline, ScoringOptions scoring, TimeProvider clock,
    ILogger<BuildService>? logger = null, AlertOptions? alerts = null)
{
    private readonly ILogger _log = logger ?? NullLogger<BuildService>.Instance;

    public async Task<BuildResult> RunAsync(BuildRequest request, IBuildObserver? observer = null, CancellationToken ct = default)
    {
        observer ??= NullBuildObserver.Instance;
        var startedAt = clock.GetUtcNow();
        var settings = JsonSerializer.Serialize(scoring);
        await using var context = databases.CreateForBuild();
        await using var db = context.Sql();
        if (Environment.GetEnvironmentVariable("PYLON_TRACE_SQL") == "1") TraceStatements(db);
        var runId = await StartRunAsync(db, request, startedAt, settings, ct);
        var ctx = new BuildContext(db, runId, startedAt, request.FullRefresh, pipeline, scoring, observer, ct);
        IReadOnlyList<PipelineCheckResult> checks = [];
        // Cancelling stops the statement SQLite is running, not only the build between statements.
        await using var interrupt = ct.Register(() => InterruptSqlite(db));
        try
        {
            await using (var transaction = await db.BeginTransactionAsync(ct))
            {
                await AcquireLockAsync(db, runId, ct);
                await db.GetTable<PipelineRun>()
                    .Where(r => r.Status == RunStatus.Running && r.Id < runId)
                    .Set(r => r.Status, RunStatus.Abandoned)
                    .UpdateAsync(ct);

                await BuildModelsAsync(ctx, settings);
                checks = await RunChecksAsync(new CheckScope(db, RowsWrittenOnly: !ctx.FullRefresh), runId, clock, observer, ct);
                var failed = checks.Where(c => c is { Severity: Severity.Error, Status: CheckStatus.Fail }).ToList();
                if (failed.Count > 0)
                    throw new DataQualityException(failed);

                await SaveWatermarksAsync(ctx);
                await FinishRunAsync(db, runId, RunStatus.Succeeded, null, ctx, checks, ct);
                await transaction.CommitAsync(ct);
            }
            var result = new BuildResult(runId, RunStatus.Succeeded, clock.GetUtcNow() - startedAt, ctx.Steps, checks, null);
            _log.LogInformation("Build {RunId} succeeded in {Duration}", runId, result.Duration);
            return result;
        }
        catch (Exception ex)
        {
            var cancelled = ct.IsCancellationRequested;
            var status = ex is BuildAlreadyRunningException ? RunStatus.Skipped : cancelled ? RunStatus.Cancelled : RunStatus.Failed;
            var error = cancelled ? "Cancelled before it finished; rolled back, the marts are as they were."
                : ex is DataQualityException or BuildAlreadyRunningException ? ex.Message : ex.ToString();
            if (cancelled) _log.LogWarning("Build {RunId} cancelled and rolled back", runId);
            else _log.LogError(ex, "Build {RunId} {Status}", runId, status);
            await TryRecordAsync(() => FinishRunAsync(db, runId, status, error, ctx, checks, CancellationToken.None));
            if (ex is BuildAlreadyRunningException) throw;
            return new BuildResult(runId, status, clock.GetUtcNow() - startedAt, ctx.Steps, checks, error);
        }
    }

    /// <summary><c>pylon test</c>: the data-quality checks on the marts as they are, recorded as a run of their own.</summary>
    public async Task<BuildResult> TestAsync(CancellationToken ct = default)
    {
        var startedAt = clock.GetUtcNow();
        await using var context = databases.CreateForBuild();
        await using var db = context.Sql();
        var runId = await StartRunAsync(db, new BuildRequest(Triggers.Test), startedAt, JsonSerializer.Serialize(scoring), ct);
        var checks = await RunChecksAsync(new CheckScope(db, RowsWrittenOnly: false), runId, clock, NullBuildObserver.Instance, ct);
        var failed = checks.Where(c => c is { Severity: Severity.Error, Status: CheckStatus.Fail }).ToList();
        var error = failed.Count > 0 ? new DataQualityException(failed).Message : null;
        var status = failed.Count > 0 ? RunStatus.Failed : RunStatus.Succeeded;
        await FinishRunAsync(db, runId, status, error, null, checks, ct);
        return new BuildResult(runId, status, clock.GetUtcNow() - startedAt, [], checks, error);
    }

    /// <summary>The models in dependency order. Staging users precedes events; marts follow staging.</summary>
    private async Task BuildModelsAsync(BuildContext ctx, string settings)
    {
        var db = ctx.Db;
        // A first build is a full one: every key is new, and set-wide statements beat key lookups.
        if (!ctx.FullRefresh && !await db.GetTable<PipelineWatermark>().AnyAsync())
        {
            ctx.FullRefresh = true;
            await db.GetTable<PipelineRun>().Where(r => r.Id == ctx.RunId).Set(r => r.FullRefresh, true).UpdateAsync();
        }
        if (ctx.FullRefresh) await ClearEverythingAsync(db);
        await db.GetTable<TouchedDay>().DeleteAsync();
        await db.GetTable<TouchedOrg>().DeleteAsync();

        var watermarks = ctx.FullRefresh
            ? new Dictionary<string, long>()
            : await db.GetTable<PipelineWatermark>().ToDictionaryAsync(w => w.Source, w => w.ExtractedAt);
        long? Since(string source) =>
            watermarks.TryGetValue(source, out var w) ? w - (long)ctx.Pipeline.Lookback.TotalMilliseconds : null;

        await ctx.StepAsync("stg_pylon_users", s => StagingModels.StageUsersAsync(ctx, s, Since(RawTables.Users)));
        await ctx.StepAsync("stg_pylon_organizations", s => StagingModels.StageOrganizationsAsync(ctx, s, Since(RawTables.Organizations)));
        await ctx.StepAsync("stg_salesforce_accounts", s => StagingModels.StageAccountsAsync(ctx, s, Since(RawTables.Accounts)));
        await ctx.StepAsync("stg_pylon_issues", s => StagingModels.StageIssuesAsync(ctx, s, Since(RawTables.Issues)));
        await ctx.StepAsync("stg_product_events", s => EventStaging.StageAsync(ctx, s, Since(RawTables.ProductEvents)));
        await ctx.StepAsync("int_org_account", s => OrgAccountModel.BuildAsync(ctx, s));

        if (!ctx.FullRefresh) await IncrementalRules.EveryDateOfTouchedOrgsAsync(db);
        await ctx.StepAsync("int_org_event_daily", s => OrgDailyActivityModel.BuildEventDailyAsync(ctx, s));
        await ctx.StepAsync("int_org_user_daily", s => OrgDailyActivityModel.BuildUserDailyAsync(ctx, s));
        await ctx.StepAsync("fct_org_daily_activity", s => OrgDailyActivityModel.BuildAsync(ctx, s));

        CalendarChange calendar = null!;
        await ctx.StepAsync("int_calendar", async s => calendar = await CalendarModel.BuildCalendarAsync(ctx, s));
        await ctx.StepAsync("int_org_spine", s => CalendarModel.BuildSpineAsync(ctx, s, calendar));
        await ctx.StepAsync("int_segment_weekly_activity", s => TrendAggregatesModel.BuildWeeklyAsync(ctx, s));
        await ctx.StepAsync("int_segment_event_daily", s => TrendAggregatesModel.BuildEventDailyAsync(ctx, s));

        // The trend rule depends on the first activity date of the whole dataset, and every score on the
        // Scoring settings: when either changes, every as-of date is recomputed.
        var lastSettings = await db.GetTable<PipelineRun>()
            .Where(r => r.Status == RunStatus.Succeeded && r.Trigger != Triggers.Test)
            .OrderByDescending(r => r.Id).Select(r => r.ScoringSettings).FirstOrDefaultAsync();
        var rebuildAll = ctx.FullRefresh || calendar.FirstMoved || lastSettings != settings;

        await ctx.StepsAsync(["fct_customer_ai_adoption_30d", "fct_reference_readiness_30d"],
            s => OrgScoresModel.BuildAsync(ctx, calendar, rebuildAll, s[0], s[1]));
        await ctx.StepAsync(ScoreChangeDetection.Model, s => ScoreChangeDetection.DetectAsync(ctx, s, alerts ?? new AlertOptions()));
    }

    private static async Task ClearEverythingAsync(DataConnection db)
    {
        await db.GetTable<StgProductEvent>().DeleteAsync();
        await db.GetTable<StgUser>().DeleteAsync();
        await db.GetTable<StgOrganization>().DeleteAsync();
        await db.GetTable<StgIssue>().DeleteAsync();
        await db.GetTable<StgAccount>().DeleteAsync();
        await db.GetTable<EventClassification>().DeleteAsync();
        await db.GetTable<IntOrgAccount>().DeleteAsync();
        await db.GetTable<IntOrgUserDaily>().DeleteAsync();
        await db.GetTable<IntOrgEventDaily>().DeleteAsync();
        await db.GetTable<IntSegmentWeeklyActivity>().DeleteAsync();
        await db.GetTable<IntSegmentEventDaily>().DeleteAsync();
        await db.GetTable<IntOrgSpine>().DeleteAsync();
        await db.GetTable<IntCalendarDate>().DeleteAsync();
        await db.GetTable<OrgDailyActivityRow>().DeleteAsync();
        await db.GetTable<AiAdoptionRow>().DeleteAsync();
        await db.GetTable<ReferenceReadinessRow>().DeleteAsync();
    }

    public static async Task<IReadOnlyList<PipelineCheckResult>> RunChecksAsync(
        CheckScope scope, long runId, TimeProvider clock, IBuildObserver observer, CancellationToken ct)
    {
        observer.StepStarted("data-quality checks");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var results = new List<PipelineCheckResult>();
        foreach (var check in DataQualityChecks.All)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = await check.RunAsync(scope, today);
            results.Add(new PipelineCheckResult
            {
                RunId = runId, Name = check.Name, Model = check.Model, Severity = check.Severity,
                Status = outcome.FailingRows == 0 ? CheckStatus.Pass : CheckStatus.Fail,
                FailingRows = outcome.FailingRows, Example = Truncate(outcome.Example, 1000), Description = check.Description,
            });
        }
        return results;
    }

    private static async Task SaveWatermarksAsync(BuildContext ctx)
    {
        var sources = new Dictionary<string, string>
        {
            ["stg_pylon_users"] = RawTables.Users, ["stg_pylon_organizations"] = RawTables.Organizations,
            ["stg_salesforce_accounts"] = RawTables.Accounts, ["stg_pylon_issues"] = RawTables.Issues,
            ["stg_product_events"] = RawTables.ProductEvents,
        };
        var table = ctx.Db.GetTable<PipelineWatermark>();
        if (ctx.FullRefresh) await table.DeleteAsync();
        foreach (var step in ctx.Steps.Where(s => s.Watermark is not null && sources.ContainsKey(s.Model)))
        {
            var source = sources[step.Model];
            var previous = await table.Where(w => w.Source == source).Select(w => (long?)w.ExtractedAt).FirstOrDefaultAsync();
            // Never past the build's start (DESIGN section 3, rule 6): a row "extracted" in the future would otherwise
            // move the watermark beyond every normal row that lands after it. It is re-read, harmlessly, until time catches up.
            var watermark = Math.Min(step.Watermark!.Value, ctx.StartedAt.ToUnixTimeMilliseconds());
            if (previous >= watermark) continue;
            await table.Where(w => w.Source == source).DeleteAsync();
            await ctx.Db.InsertAsync(new PipelineWatermark { Source = source, ExtractedAt = watermark, RunId = ctx.RunId });
        }
    }

    private static async Task<long> StartRunAsync(DataConnection db, BuildRequest request, DateTimeOffset startedAt, string settings, CancellationToken ct)
    {
        try
        {
            return await db.InsertWithInt64IdentityAsync(new PipelineRun
            {
                StartedAt = startedAt, Status = RunStatus.Running, Trigger = request.Trigger,
                FullRefresh = request.FullRefresh, RequestedBy = request.RequestedBy, ScoringSettings = settings,
            }, token: ct);
        }
        catch (Exception ex) when (BuildLock.IsLockTimeout(ex))
        {
            throw await AlreadyRunningAsync(db, ex);
        }
    }

    private async Task AcquireLockAsync(DataConnection db, long runId, CancellationToken ct)
    {
        try
        {
            await BuildLock.AcquireAsync(db, runId, clock, ct);
        }
        catch (Exception ex) when (BuildLock.IsLockTimeout(ex))
        {
            throw await AlreadyRunningAsync(db, ex, runId);
        }
    }

    private static async Task<BuildAlreadyRunningException> AlreadyRunningAsync(DataConnection db, Exception inner, long? self = null)
    {
        var running = await TryReadAsync(() => db.GetTable<PipelineRun>()
            .Where(r => r.Status == RunStatus.Running && r.Id != self)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync());
        var who = running is null ? "" : $" (run #{running.Id}, {running.Trigger}, started {running.StartedAt:yyyy-MM-dd HH:mm:ss} UTC)";
        return new BuildAlreadyRunningException($"Another build is running{who}; it holds the database lock. Try again when it finishes.", inner);
    }

    private async Task FinishRunAsync(DataConnection db, long runId, string status, string? error,
        BuildContext? build, IReadOnlyList<PipelineCheckResult> checks, CancellationToken ct)
    {
        await db.GetTable<PipelineRunStep>().Where(s => s.RunId == runId).DeleteAsync(ct);
        await db.GetTable<PipelineCheckResult>().Where(c => c.RunId == runId).DeleteAsync(ct);
        await db.GetTable<PipelineRowIssue>().Where(c => c.RunId == runId).DeleteAsync(ct);
        foreach (var step in build?.Steps ?? []) await db.InsertAsync(step, token: ct);
        foreach (var check in checks) await db.InsertAsync(check, token: ct);
        foreach (var issue in build?.RowIssues ?? []) await db.InsertAsync(issue, token: ct);
        await db.GetTable<PipelineRun>().Where(r => r.Id == runId)
            .Set(r => r.Status, status)
            .Set(r => r.FinishedAt, clock.GetUtcNow())
            .Set(r => r.Error, Truncate(error, 8000))
            .UpdateAsync(ct);
    }

    /// <summary>
    /// PYLON_TRACE_SQL=1: every statement's time, when it ended (seconds into the build, so gaps show time spent
    /// outside the database) and its text on stderr, to find where a build spends it.
    /// </summary>
    private static void TraceStatements(DataConnection db)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
#pragma warning disable CS0618 // the per-connection switch: DataOptions tracing would trace every connection
        db.OnTraceConnection = info =>
        {
            if (info.TraceInfoStep is LinqToDB.Data.TraceInfoStep.Completed or LinqToDB.Data.TraceInfoStep.AfterExecute && info.ExecutionTime is { } time)
                Console.Error.WriteLine($"[sql {time.TotalSeconds,7:0.000} s, ended at {clock.Elapsed.TotalSeconds,7:0.000} s] {info.SqlText?.Replace('\n', ' ').Replace('\t', ' ')}");
        };
        db.TraceSwitchConnection = new System.Diagnostics.TraceSwitch("pylon", "sql", "Info");
#pragma warning restore CS0618
    }

    private static void InterruptSqlite(DataConnection db)
    {
        if (db.TryGetDbConnection() is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_interrupt(handle);
    }

    private static async Task TryRecordAsync(Func<Task> record)
    {
        try { await record(); }
        catch { /* The run row stays "running"; the next build that takes the lock marks it abandoned. */ }
    }

    private static async Task<T?> TryReadAsync<T>(Func<Task<T?>> read)
    {
        try { return await read(); }
        catch { return default; }
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

public static class Triggers
{
    public const string Cli = "cli";
    public const string Schedule = "schedule";
    public const string Portal = "portal";
    public const string Startup = "startup";
    public const string Test = "test";
}

public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
}

public sealed class DataQualityException(IReadOnlyList<PipelineCheckResult> failed)
    : Exception("Data-quality checks failed: " + string.Join("; ", failed.Select(c => $"{c.Name} ({c.FailingRows} rows, e.g. {c.Example})")))
{
    public IReadOnlyList<PipelineCheckResult> Failed { get; } = failed;
}
