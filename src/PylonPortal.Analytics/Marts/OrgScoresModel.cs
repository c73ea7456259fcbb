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
            await TouchAsync(db, EveryDateOfSpineOrgs(db, db.GetTable<IntOrgSpine>(), last));
        }
        else
        {
            await TouchChangedAsOfDatesAsync(db, calendar.OldLast.Value, last);
            aiStep.RowsDeleted = await DeleteStaleAsync<AiAdoptionRow>(db, last);
            readinessStep.RowsDeleted = await DeleteStaleAsync<ReferenceReadinessRow>(db, last);
        }

        await ScoreTouchedAsOfDatesAsync(ctx, first, aiStep, readinessStep);
    }

    private static IQueryable<TouchedAsOfRange> EveryDateOfSpineOrgs(DataConnection db, IQueryable<IntOrgSpine> orgs, DateOnly last) =>
        orgs.Select(s => new TouchedAsOfRange { OrgId = s.OrgId, FromDate = s.StartDate, ToDate = last });

    /// <summary>The as-of dates a change can reach (DESIGN section 1), as ranges per org.</summary>
    private static async Task TouchChangedAsOfDatesAsync(DataConnection db, DateOnly previousLast, DateOnly last)
    {
        var spine = db.GetTable<IntOrgSpine>();

        // The as-of dates whose 60-day window (W30 and P30) contains a recomputed activity date.
        await TouchAsync(db,
            from k in db.GetTable<TouchedDay>()
            where spine.Any(s => s.OrgId == k.OrgId)
            let to = SqlFunctions.AddDays(k.ActivityDate, Windows.BothDays - 1)
            select new TouchedAsOfRange { OrgId = k.OrgId, FromDate = k.ActivityDate, ToDate = to < last ? to : last });

        // Every date of an org whose users, issues, organization row or account changed, or that is new to the spine.
        var touchedOrgs = db.GetTable<TouchedOrg>().Select(o => o.OrgId);
        await TouchAsync(db, EveryDateOfSpineOrgs(db, spine.Where(s => touchedOrgs.Contains(s.OrgId)), last));

        // The new as-of dates when the calendar grows.
        var firstNew = previousLast.AddDays(1);
        if (firstNew <= last)
            await TouchAsync(db,
                from s in spine
                select new TouchedAsOfRange { OrgId = s.OrgId, FromDate = s.StartDate > firstNew ? s.StartDate : firstNew, ToDate = last });
    }

    private static Task<int> TouchAsync(DataConnection db, IQueryable<TouchedAsOfRange> ranges) =>
        ranges.Distinct()
            .Where(k => k.FromDate <= k.ToDate
                        && !db.GetTable<TouchedAsOfRange>().Any(t => t.OrgId == k.OrgId && t.FromDate == k.FromDate && t.ToDate == k.ToDate))
            .InsertAsync(db.GetTable<TouchedAsOfRange>(), k => k);

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
        var aiRows = new List<AiAdoptionRow>(InsertBatch);
        var readinessRows = new List<ReferenceReadinessRow>(InsertBatch);
        foreach (var window in windows)
        {
            var (aiRow, readinessRow) = Score(ctx, firstActivityDate, window, profiles[window.OrgId], orgUsers.GetValueOrDefault(window.OrgId));
            aiRows.Add(aiRow);
            readinessRows.Add(readinessRow);
            if (aiRows.Count == InsertBatch) await FlushAsync();
        }
        await FlushAsync();

        async Task FlushAsync()
        {
            var (ai, readiness) = await InsertAsync(ctx, aiRows, readinessRows);
            aiStep.RowsWritten += ai;
            readinessStep.RowsWritten += readiness;
            aiRows.Clear();
            readinessRows.Clear();
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
