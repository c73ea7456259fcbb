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
/// fct_customer_ai_adoption_30d and fct_reference_readiness_30d (DESIGN section 5). The database
/// computes the window aggregates for the as-of dates this run must recompute; the scores are then
/// computed row by row with the exact decimal formulas of <see cref="Scoring"/>, a range of orgs at a time.
/// </summary>
internal static class OrgScoresModel
{
    public static async Task BuildAsync(BuildContext ctx, CalendarChange calendar, bool rebuildAll,
        PipelineRunStep aiStep, PipelineRunStep readinessStep)
    {
        var db = ctx.Db;
        var ai = db.GetTable<AiAdoptionRow>();
        var readiness = db.GetTable<ReferenceReadinessRow>();
        await db.GetTable<TouchedAsOf>().DeleteAsync();
        if (calendar is not { First: { } first, Last: { } last })
        {
            aiStep.RowsDeleted = await ai.DeleteAsync();
            readinessStep.RowsDeleted = await readiness.DeleteAsync();
            return;
        }

        if (rebuildAll || calendar.OldLast is null)
        {
            aiStep.RowsDeleted = await ai.DeleteAsync();
            readinessStep.RowsDeleted = await readiness.DeleteAsync();
            await TouchAsync(db, AllAsOfDates(db));
        }
        else
        {
            await TouchChangedAsOfDatesAsync(db, calendar.OldLast.Value);
            aiStep.RowsDeleted = await DeleteStaleAsync<AiAdoptionRow>(db, last);
            readinessStep.RowsDeleted = await DeleteStaleAsync<ReferenceReadinessRow>(db, last);
        }

        await ScoreTouchedAsOfDatesAsync(ctx, first, aiStep, readinessStep);
    }

    /// <summary>Every (org, as-of date) of the spine: each calendar date from the org's start on.</summary>
    private static IQueryable<TouchedAsOf> AllAsOfDates(DataConnection db) =>
        from s in db.GetTable<IntOrgSpine>()
        from c in db.GetTable<IntCalendarDate>().Where(c => c.Date >= s.StartDate)
        select new TouchedAsOf { OrgId = s.OrgId, AsOfDate = c.Date };

    /// <summary>The as-of dates a change can reach (DESIGN section 1).</summary>
    private static async Task TouchChangedAsOfDatesAsync(DataConnection db, DateOnly previousLast)
    {
        var spine = db.GetTable<IntOrgSpine>();
        var calendar = db.GetTable<IntCalendarDate>();

        // The as-of dates whose 60-day window (W30 and P30) contains a recomputed activity date.
        await TouchAsync(db,
            from k in db.GetTable<TouchedDay>()
            join s in spine on k.OrgId equals s.OrgId
            from c in calendar.Where(c => SqlFunctions.Within(c.Date, k.ActivityDate, 0, 59) && c.Date >= s.StartDate)
            select new TouchedAsOf { OrgId = k.OrgId, AsOfDate = c.Date });

        // Every date of an org whose users, issues, organization row or account changed, or that is new to the spine.
        await TouchAsync(db,
            from o in db.GetTable<TouchedOrg>()
            join s in spine on o.OrgId equals s.OrgId
            from c in calendar.Where(c => c.Date >= s.StartDate)
            select new TouchedAsOf { OrgId = s.OrgId, AsOfDate = c.Date });

        // The new as-of dates when the calendar grows.
        await TouchAsync(db,
            from s in spine
            from c in calendar.Where(c => c.Date > previousLast && c.Date >= s.StartDate)
            select new TouchedAsOf { OrgId = s.OrgId, AsOfDate = c.Date });
    }

    private static Task<int> TouchAsync(DataConnection db, IQueryable<TouchedAsOf> keys) =>
        keys.Distinct()
            .Where(k => !db.GetTable<TouchedAsOf>().Any(t => t.OrgId == k.OrgId && t.AsOfDate == k.AsOfDate))
            .InsertAsync(db.GetTable<TouchedAsOf>(), k => k);

    /// <summary>
    /// Deletes the rows to recompute, the rows of touched orgs (their first date may have moved; orgs that left
    /// the spine are touched too) and rows past the calendar: one statement each, so each uses an index.
    /// </summary>
    private static async Task<int> DeleteStaleAsync<T>(DataConnection db, DateOnly last) where T : OrgAsOfRow
    {
        var rows = db.GetTable<T>();
        var touchedOrgs = db.GetTable<TouchedOrg>().Select(o => o.OrgId);
        return await rows.Where(r => TouchedAsOf.Includes(db.GetTable<TouchedAsOf>(), r.OrgId, r.AsOfDate)).DeleteAsync()
            + await rows.Where(r => touchedOrgs.Contains(r.OrgId)).DeleteAsync()
            + await rows.Where(r => r.AsOfDate > last).DeleteAsync();
    }

    private static async Task ScoreTouchedAsOfDatesAsync(BuildContext ctx, DateOnly firstActivityDate,
        PipelineRunStep aiStep, PipelineRunStep readinessStep)
    {
        var db = ctx.Db;
        var orgs = await db.GetTable<TouchedAsOf>().Select(t => t.OrgId).Distinct().OrderBy(id => id).ToListAsync();
        aiStep.RowsRead = readinessStep.RowsRead = await db.GetTable<TouchedAsOf>().LongCountAsync();
        for (var i = 0; i < orgs.Count; i += ctx.Pipeline.OrgsPerChunk)
        {
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
        var activity = await metrics.ActivityAsync();
        var users = await metrics.UsersAsync();
        var issues = await metrics.IssuesAsync();
        var orgUsers = await metrics.OrgUserCountsAsync();
        var profiles = await metrics.ProfilesAsync();
        var aiRows = new List<AiAdoptionRow>();
        var readinessRows = new List<ReferenceReadinessRow>();
        foreach (var key in await metrics.KeysAsync())
        {
            var k = (key.OrgId, key.AsOfDate);
            var (aiRow, readinessRow) = Score(ctx, firstActivityDate, key.AsOfDate, profiles[key.OrgId],
                activity.GetValueOrDefault(k, ActivityWindow.None), users.GetValueOrDefault(k, UserWindow.None),
                issues.GetValueOrDefault(k, IssueWindow.None), orgUsers.GetValueOrDefault(key.OrgId));
            aiRows.Add(aiRow);
            readinessRows.Add(readinessRow);
        }
        var (ai, readiness) = await InsertAsync(ctx.Db, aiRows, readinessRows);
        aiStep.RowsWritten += ai;
        readinessStep.RowsWritten += readiness;
    }

    internal static async Task<(long Ai, long Readiness)> InsertAsync(DataConnection db,
        IReadOnlyList<AiAdoptionRow> aiRows, IReadOnlyList<ReferenceReadinessRow> readinessRows)
    {
        var bulk = new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows };
        return ((await db.BulkCopyAsync(bulk, aiRows)).RowsCopied, (await db.BulkCopyAsync(bulk, readinessRows)).RowsCopied);
    }

    /// <summary>One org at one as-of date: both marts' rows, every component kept.</summary>
    internal static (AiAdoptionRow, ReferenceReadinessRow) Score(BuildContext ctx, DateOnly firstActivityDate, DateOnly asOf,
        OrgProfile org, ActivityWindow activity, UserWindow users, IssueWindow issues, int orgUserCount)
    {
        var options = ctx.Scoring;
        var daysToRenewal = org.RenewalDate is { } renewal ? renewal.DayNumber - asOf.DayNumber : (int?)null;
        var daysSinceCreated = org.CreatedDate is { } created ? asOf.DayNumber - created.DayNumber : (int?)null;
        var priorWindowStart = asOf.AddDays(-59);
        var priorWindowBeforeHistory = priorWindowStart < firstActivityDate || priorWindowStart < org.CreatedDate;
        var isPaying = org.CurrentArr > 0;

        var aiScore = AiAdoptionScore.Compute(new AiAdoptionInputs(
            activity.Events30d, activity.AiEvents30d, activity.AiActiveDays30d, users.ActiveUsers30d, users.AiUsers30d,
            org.CurrentArr), options);
        var health = HealthScore.Compute(new HealthInputs(
            activity.Events30d, activity.EventsPrev30d, activity.ActiveDays30d, users.ActiveUsers30d, orgUserCount,
            issues.UrgentIssues30d, issues.AvgCsat, daysToRenewal, priorWindowBeforeHistory), options);
        var readiness = ReadinessScore.Compute(new ReadinessInputs(
            health.Score, org.CurrentArr, daysSinceCreated, isPaying), options);

        var ai = Describe(new AiAdoptionRow
        {
            TotalEvents30d = activity.Events30d,
            AiEvents30d = activity.AiEvents30d,
            AiEventShare = aiScore.AiEventShare,
            ActiveDays30d = activity.ActiveDays30d,
            AiActiveDays30d = activity.AiActiveDays30d,
            ActiveUsers30d = users.ActiveUsers30d,
            AiUsers30d = users.AiUsers30d,
            AiUserShare = aiScore.AiUserShare,
            FrequencyScore = aiScore.Frequency,
            IntensityScore = aiScore.Intensity,
            BreadthScore = aiScore.Breadth,
            EffectiveAiAdoptionScore = aiScore.Score,
            ArrAiQuadrant = aiScore.Quadrant,
        }, org, asOf, ctx.StartedAt);
        var ready = Describe(new ReferenceReadinessRow
        {
            Events30d = activity.Events30d,
            EventsPrev30d = activity.EventsPrev30d,
            ActiveDays30d = activity.ActiveDays30d,
            ActiveUsers30d = users.ActiveUsers30d,
            OrgUserCount = orgUserCount,
            Issues30d = issues.Issues30d,
            UrgentIssues30d = issues.UrgentIssues30d,
            AvgCsat30d = issues.AvgCsat,
            RenewalDate = org.RenewalDate,
            DaysToRenewal = daysToRenewal,
            TrendScore = health.Trend,
            UsageScore = health.Usage,
            EngagementScore = health.Engagement,
            SentimentScore = health.Sentiment,
            SupportScore = health.Support,
            RenewalScore = health.Renewal,
            HealthScore = health.Score,
            HealthBand = health.Band,
            SizeScore = readiness.Size,
            TenureScore = readiness.Tenure,
            ReferenceReadinessScore = readiness.Score,
            IsReferenceCandidate = readiness.IsCandidate,
        }, org, asOf, ctx.StartedAt);
        return (ai, ready);
    }

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
        row.IsPayingCustomer = org.CurrentArr > 0;
        row.OwnerEmail = org.OwnerEmail;
        row.LoadedAt = loadedAt;
        return row;
    }
}
