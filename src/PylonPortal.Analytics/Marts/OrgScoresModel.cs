using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Marts;

/// <summary>
/// fct_customer_ai_adoption_30d and fct_reference_readiness_30d (DESIGN section 5). The database computes the
/// window aggregates of the as-of dates this run must recompute (<see cref="WindowMetrics"/>); the scores are
/// then computed row by row with the exact formulas of <see cref="Scoring"/>, a slice of orgs at a time, and
/// written with the provider's bulk copy.
/// </summary>
internal static class OrgScoresModel
{
    private const int InsertBatch = 10_000;

    public static async Task BuildAsync(BuildContext ctx, CalendarChange calendar, bool rebuildAll,
        PipelineRunStep aiStep, PipelineRunStep readinessStep)
    {
        var db = ctx.Db;
        var ai = db.GetTable<AiAdoptionRow>();
        var readiness = db.GetTable<ReferenceReadinessRow>();
        await db.GetTable<TouchedAsOfRange>().DeleteAsync();
        if (calendar is not { First: { } first, Last: { } last })
        {
            aiStep.RowsDeleted = await ai.DeleteAsync();
            readinessStep.RowsDeleted = await readiness.DeleteAsync();
            return;
        }

        if (rebuildAll || calendar.OldLast is null)
        {
            if (!ctx.FullRefresh) // a full build has cleared them already
            {
                aiStep.RowsDeleted = await ai.DeleteAsync();
                readinessStep.RowsDeleted = await readiness.DeleteAsync();
            }
            await IncrementalRules.EveryAsOfDateAsync(db, db.GetTable<IntOrgSpine>(), last);
        }
        else
        {
            await IncrementalRules.ChangedAsOfDatesAsync(db, calendar.OldLast.Value, last);
            aiStep.RowsDeleted = await DeleteStaleAsync<AiAdoptionRow>(db, last);
            readinessStep.RowsDeleted = await DeleteStaleAsync<ReferenceReadinessRow>(db, last);
        }

        await ScoreTouchedAsOfDatesAsync(ctx, first, aiStep, readinessStep);
    }

    /// <summary>
    /// Deletes the rows to recompute, the rows of touched orgs (their first date may have moved; orgs that left
    /// the spine are touched too) and rows past the calendar: one statement each, so each uses an index.
    /// </summary>
    private static async Task<int> DeleteStaleAsync<T>(DataConnection db, DateOnly last) where T : OrgAsOfRow
    {
        var rows = db.GetTable<T>();
        var touchedOrgs = db.GetTable<TouchedOrg>().Select(o => o.OrgId);
        return await rows.Where(r => TouchedAsOfRange.Includes(db.GetTable<TouchedAsOfRange>(), r.OrgId, r.AsOfDate)).DeleteAsync()
            + await rows.Where(r => touchedOrgs.Contains(r.OrgId)).DeleteAsync()
            + await rows.Where(r => r.AsOfDate > last).DeleteAsync();
    }

    private static async Task ScoreTouchedAsOfDatesAsync(BuildContext ctx, DateOnly firstActivityDate,
        PipelineRunStep aiStep, PipelineRunStep readinessStep)
    {
        var orgs = await ctx.Db.GetTable<TouchedAsOfRange>().Select(t => t.OrgId).Distinct().OrderBy(id => id).ToListAsync(ctx.Cancellation);
        for (var i = 0; i < orgs.Count; i += ctx.Pipeline.OrgsPerChunk)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var chunk = orgs.Skip(i).Take(ctx.Pipeline.OrgsPerChunk).ToList();
            await ScoreOrgRangeAsync(ctx, chunk[0], chunk[^1], firstActivityDate, aiStep, readinessStep);
            ctx.Observer.Progress("scores", Math.Min(i + chunk.Count, orgs.Count), orgs.Count);
        }
    }

    /// <summary>Scores the touched as-of dates of the orgs from <paramref name="firstOrg"/> to <paramref name="lastOrg"/> (ordinal).</summary>
    internal static async Task ScoreOrgRangeAsync(BuildContext ctx, string firstOrg, string lastOrg, DateOnly firstActivityDate,
        PipelineRunStep aiStep, PipelineRunStep readinessStep)
    {
        var metrics = new WindowMetrics(ctx.Db, firstOrg, lastOrg);
        var windows = await metrics.ReadAsync(ctx.Cancellation);
        var profiles = await metrics.ProfilesAsync(ctx.Cancellation);
        var orgUsers = await metrics.OrgUserCountsAsync(ctx.Cancellation);
        aiStep.RowsRead += windows.Count;
        readinessStep.RowsRead += windows.Count;
        // A batch at a time, so memory stays flat: its rows scored on every core (the scores are pure functions
        // of the window), then written while SQLite, single-threaded, has the connection to itself.
        for (var start = 0; start < windows.Count; start += InsertBatch)
        {
            var count = Math.Min(InsertBatch, windows.Count - start);
            var aiRows = new AiAdoptionRow[count];
            var readinessRows = new ReferenceReadinessRow[count];
            Parallel.For(0, count, new ParallelOptions { CancellationToken = ctx.Cancellation }, i =>
            {
                var window = windows[start + i];
                (aiRows[i], readinessRows[i]) = Score(ctx, firstActivityDate, window, profiles[window.OrgId], orgUsers.GetValueOrDefault(window.OrgId));
            });
            var (ai, readiness) = await InsertAsync(ctx, aiRows, readinessRows);
            aiStep.RowsWritten += ai;
            readinessStep.RowsWritten += readiness;
        }
    }

    /// <summary>Both marts' rows, written with the engine's bulk path inside the build's transaction.</summary>
    internal static async Task<(long Ai, long Readiness)> InsertAsync(BuildContext ctx,
        IReadOnlyCollection<AiAdoptionRow> aiRows, IReadOnlyCollection<ReferenceReadinessRow> readinessRows) =>
        (await BulkInsert.RowsAsync(ctx.Db, aiRows, ctx.Cancellation), await BulkInsert.RowsAsync(ctx.Db, readinessRows, ctx.Cancellation));

    /// <summary>One org at one as-of date: both marts' rows, every component kept.</summary>
    internal static (AiAdoptionRow, ReferenceReadinessRow) Score(BuildContext ctx, DateOnly firstActivityDate,
        WindowRow w, OrgProfile org, int orgUserCount) =>
        (Describe(AiAdoptionModel.Row(w, org, ctx.Scoring), org, w.AsOfDate, ctx.StartedAt),
         Describe(ReferenceReadinessModel.Row(w, org, orgUserCount, firstActivityDate, ctx.Scoring), org, w.AsOfDate, ctx.StartedAt));

    private static T Describe<T>(T row, OrgProfile org, DateOnly asOf, DateTimeOffset loadedAt) where T : OrgAsOfRow
    {
        row.OrgId = org.OrgId;
        row.AsOfDate = asOf;
        row.OrgName = org.OrgName;
        row.SalesforceAccountName = org.AccountName;
        row.AccountSegment = org.Segment;
        row.Industry = org.Industry;
        row.SeatTier = org.SeatTier;
        row.CurrentArr = (double?)org.CurrentArr;
        row.IsPayingCustomer = PayingCustomer.Is(org.CurrentArr);
        row.OwnerEmail = org.OwnerEmail;
        row.LoadedAt = loadedAt;
        return row;
    }
}
