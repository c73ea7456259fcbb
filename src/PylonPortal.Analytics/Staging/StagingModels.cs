using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources;
using static PylonPortal.Analytics.Staging.StagingSql;

namespace PylonPortal.Analytics.Staging;

/// <summary>
/// One staging model per source (DESIGN section 3). Each loads its batch into load_*, keeps what is
/// newer than stg_*, records what the change touches (old and new org of a user, account link, issue;
/// old and new (org, date) of an event), then replaces the staged rows.
/// Order matters: users before events, so new events join the users' current orgs.
/// </summary>
internal static class StagingModels
{
    public static async Task StageUsersAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonUser>(db, since);
        await ReadStatsAsync(ctx, step, window, nameof(RawPylonUser.Id));
        await EmptyAsync<LoadUser>(db);
        await LatestPerKey(window, nameof(RawPylonUser.Id)).InsertAsync(db.GetTable<LoadUser>(), r => new LoadUser
        {
            Id = r.Id!,
            OrganizationId = r.OrganizationId,
            Email = r.Email,
            Name = r.Name,
            CreatedAt = r.CreatedAt,
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
        });
        await DropNotNewerAsync<StgUser, LoadUser>(db, nameof(StgUser.Id));
        await CountLoadedAsync<LoadUser>(db, step);

        // A user who moves changes every date of the org they left and the org they joined.
        var staged = db.GetTable<StgUser>();
        var loaded = db.GetTable<LoadUser>();
        await TouchOrgsAsync(db, staged.Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.OrganizationId), "users");
        await TouchOrgsAsync(db, loaded.Select(l => l.OrganizationId), "users");
        await ReplaceAsync<StgUser, LoadUser>(db, nameof(StgUser.Id));

        // Their staged events follow them (attribution is by the user's current org, for all their events).
        await db.GetTable<StgProductEvent>()
            .Where(e => !e.IsSystem && e.MissingField == null && loaded.Select(l => l.Id).Contains(e.DistinctId))
            .Set(e => e.OrgId, e => staged.Where(u => u.Id == e.DistinctId).Select(u => u.OrganizationId).FirstOrDefault())
            .UpdateAsync();
        await EmptyAsync<LoadUser>(db);
    }

    public static async Task StageOrganizationsAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonOrganization>(db, since);
        await ReadStatsAsync(ctx, step, window, nameof(RawPylonOrganization.Id));
        await EmptyAsync<LoadOrganization>(db);
        await LatestPerKey(window, nameof(RawPylonOrganization.Id)).InsertAsync(db.GetTable<LoadOrganization>(), r => new LoadOrganization
        {
            Id = r.Id!,
            Name = r.Name,
            Domain = r.Domain,
            CreatedAt = r.CreatedAt,
            CreatedDate = SqlFunctions.UtcDate(r.CreatedAt),
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
        });
        await DropNotNewerAsync<StgOrganization, LoadOrganization>(db, nameof(StgOrganization.Id));
        await CountLoadedAsync<LoadOrganization>(db, step);
        await TouchOrgsAsync(db, db.GetTable<LoadOrganization>().Select(l => (string?)l.Id), "organizations");
        await ReplaceAsync<StgOrganization, LoadOrganization>(db, nameof(StgOrganization.Id));
        await EmptyAsync<LoadOrganization>(db);
    }

    public static async Task StageAccountsAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawSalesforceAccount>(db, since);
        await ReadStatsAsync(ctx, step, window, nameof(RawSalesforceAccount.Id));
        await EmptyAsync<LoadAccount>(db);
        await LatestPerKey(window, nameof(RawSalesforceAccount.Id)).InsertAsync(db.GetTable<LoadAccount>(), r => new LoadAccount
        {
            Id = r.Id!,
            Name = r.Name,
            Industry = r.Industry,
            AnnualRevenue = r.AnnualRevenue,
            Segment = r.SegmentC,
            SeatTier = r.SeatTierC,
            CurrentArr = r.CurrentArrC,
            PylonOrganizationId = r.PylonOrganizationIdC,
            RenewalDate = r.RenewalDateC,
            OwnerEmail = r.OwnerEmailC,
            IsDeleted = r.IsDeleted == true,
            CreatedDate = r.CreatedDate,
            LastModifiedDate = r.LastModifiedDate,
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
        });
        await DropNotNewerAsync<StgAccount, LoadAccount>(db, nameof(StgAccount.Id));
        await CountLoadedAsync<LoadAccount>(db, step);

        // A changed account can change the chosen account of the org it was linked to and the one it links to now.
        var staged = db.GetTable<StgAccount>();
        var loaded = db.GetTable<LoadAccount>();
        await TouchOrgsAsync(db, staged.Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.PylonOrganizationId), "accounts");
        await TouchOrgsAsync(db, loaded.Select(l => l.PylonOrganizationId), "accounts");
        await ReplaceAsync<StgAccount, LoadAccount>(db, nameof(StgAccount.Id));
        await EmptyAsync<LoadAccount>(db);
    }

    public static async Task StageIssuesAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonIssue>(db, since);
        await ReadStatsAsync(ctx, step, window, nameof(RawPylonIssue.Id));
        await EmptyAsync<LoadIssue>(db);
        await LatestPerKey(window, nameof(RawPylonIssue.Id)).InsertAsync(db.GetTable<LoadIssue>(), r => new LoadIssue
        {
            Id = r.Id!,
            OrganizationId = r.OrganizationId,
            CreatedAt = r.CreatedAt,
            CreatedDate = SqlFunctions.UtcDate(r.CreatedAt),
            ResolvedAt = r.ResolvedAt,
            Priority = r.Priority,
            // A csat_score outside 1-5 counts as no rating; only the exact text "urgent" is urgent.
            CsatScore = r.CsatScore >= 1 && r.CsatScore <= 5 ? r.CsatScore : null,
            IsUrgent = SqlFunctions.Ordinal(r.Priority) == "urgent",
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
        });
        await DropNotNewerAsync<StgIssue, LoadIssue>(db, nameof(StgIssue.Id));
        await CountLoadedAsync<LoadIssue>(db, step);

        var staged = db.GetTable<StgIssue>();
        var loaded = db.GetTable<LoadIssue>();
        await TouchOrgsAsync(db, staged.Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.OrganizationId), "issues");
        await TouchOrgsAsync(db, loaded.Select(l => l.OrganizationId), "issues");
        await ReplaceAsync<StgIssue, LoadIssue>(db, nameof(StgIssue.Id));
        await EmptyAsync<LoadIssue>(db);
    }

    public static async Task StageEventsAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawProductEvent>(db, since);
        await ReadStatsAsync(ctx, step, window, nameof(RawProductEvent.Uuid));
        await ClassifyNewEventNamesAsync(db, window);

        var users = db.GetTable<StgUser>();
        var categories = db.GetTable<EventClassification>();
        var batch =
            from r in LatestPerKey(window, nameof(RawProductEvent.Uuid))
            let distinctId = SqlFunctions.Ordinal(r.DistinctId)
            let isSystem = distinctId!.Substring(0, 4) == "org-"
            let valid = r.Event != null && r.DistinctId != null && r.Timestamp != null
            from user in users.Where(u => !isSystem && u.Id == distinctId).DefaultIfEmpty()
            from category in categories.Where(c => c.Event == SqlFunctions.Ordinal(r.Event)).DefaultIfEmpty()
            select new LoadProductEvent
            {
                Uuid = r.Uuid!,
                Event = r.Event,
                DistinctId = r.DistinctId,
                Timestamp = r.Timestamp,
                ActivityDate = SqlFunctions.UtcDate(r.Timestamp),
                MissingField = r.Event == null ? "event" : r.DistinctId == null ? "distinct_id" : r.Timestamp == null ? "timestamp" : null,
                IsSystem = isSystem,
                // org-X is org X (even one not in pylon_organizations); "org-" alone has none. A user's events go to the user's current org.
                OrgId = !valid ? null : isSystem ? (distinctId == "org-" ? null : distinctId.Substring(4)) : user.OrganizationId,
                Category = category.Category,
                ExtractedAt = r.AirbyteExtractedAt,
                RawId = r.AirbyteRawId,
                HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
            };
        await EmptyAsync<LoadProductEvent>(db);
        await batch.InsertAsync(db.GetTable<LoadProductEvent>(), e => e);
        await DropNotNewerAsync<StgProductEvent, LoadProductEvent>(db, nameof(StgProductEvent.Uuid));
        await CountLoadedAsync<LoadProductEvent>(db, step);
        var loaded = db.GetTable<LoadProductEvent>();
        step.RowsRejected += await loaded.LongCountAsync(e => e.MissingField != null);
        step.RowsUnattributed = await loaded.LongCountAsync(e => e.MissingField == null && e.OrgId == null);

        // A re-extracted event changes the day it leaves as well as the day it lands on.
        var staged = db.GetTable<StgProductEvent>();
        await TouchDaysAsync(db,
            from s in staged
            where s.OrgId != null && loaded.Select(l => l.Uuid).Contains(s.Uuid)
            select new TouchedDay { OrgId = s.OrgId!, ActivityDate = s.ActivityDate!.Value });
        await ReplaceAsync<StgProductEvent, LoadProductEvent>(db, nameof(StgProductEvent.Uuid));
        await TouchDaysAsync(db,
            from l in loaded
            where l.OrgId != null
            select new TouchedDay { OrgId = l.OrgId!, ActivityDate = l.ActivityDate!.Value });
        await EmptyAsync<LoadProductEvent>(db);
    }

    /// <summary>Classifies event names not seen before (few: names, not events) and stores them in event_classification.</summary>
    private static async Task ClassifyNewEventNamesAsync(DataConnection db, IQueryable<RawProductEvent> window)
    {
        var known = db.GetTable<EventClassification>();
        var newNames = await window
            .Where(r => r.Event != null)
            .Select(r => SqlFunctions.Ordinal(r.Event)!)
            .Distinct()
            .Where(name => !known.Any(k => k.Event == name))
            .ToListAsync();
        var rows = newNames.Distinct(StringComparer.Ordinal)
            .Select(name => new EventClassification { Event = name, Category = EventClassifier.Classify(name) });
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
    }
}
