using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources;
using static PylonPortal.Analytics.Staging.StagingSql;

namespace PylonPortal.Analytics.Staging;

/// <summary>
/// stg_product_events (DESIGN section 3): every raw copy of an event is typed, validated, classified and
/// attributed to an org in one set-based INSERT ... SELECT, then the copies a later extraction supersedes
/// are deleted, so the latest copy of each uuid remains. A full build loads straight into stg_product_events;
/// an incremental one loads its batch into load_product_events and replaces the staged copies it supersedes,
/// recording the (org, day) each change leaves and lands on.
/// </summary>
internal static class EventStaging
{
    private const string Uuid = nameof(RawProductEvent.Uuid);
    private const long OneDayMs = 24 * 60 * 60 * 1000;

    public static async Task StageAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var window = Window<RawProductEvent>(ctx.Db, since);
        await ReadStatsAsync(step, window);
        await CountUnkeyedAsync(ctx, step, window, Uuid, "uuid");
        await ClassifyNewEventNamesAsync(ctx.Db, window);
        if (ctx.FullRefresh) await StageEverythingAsync(ctx, step, window);
        else await StageBatchAsync(ctx, step, window);
    }

    private static async Task StageEverythingAsync(BuildContext ctx, PipelineRunStep step, IQueryable<RawProductEvent> window)
    {
        var db = ctx.Db;
        var indexes = await SqliteIndexes.DropAsync<StgProductEvent>(db);
        await InsertCopiesAsync<StgProductEvent>(db, window);
        await ClearRejectedAsync<StgProductEvent>(db);
        // The superseded copies go before the other indexes are built: their deletion then maintains only the uuid
        // index it searches by.
        var byUuid = indexes.Where(i => i.Name == StgProductEvent.UuidIndex).ToList();
        if (indexes.Count > 0 && byUuid.Count == 0) // without it the removal would scan the table once per copy
            throw new InvalidOperationException($"Index {StgProductEvent.UuidIndex} not found on stg_product_events.");
        await SqliteIndexes.CreateAsync(db, byUuid);
        await DeleteSupersededCopiesAsync<StgProductEvent>(db);
        await SqliteIndexes.CreateAsync(db, indexes.Except(byUuid));
        await CountAsync<StgProductEvent>(ctx, step);
    }

    private static async Task StageBatchAsync(BuildContext ctx, PipelineRunStep step, IQueryable<RawProductEvent> window)
    {
        var db = ctx.Db;
        var staged = db.GetTable<StgProductEvent>();
        var batch = db.GetTable<LoadProductEvent>();
        await EmptyAsync<LoadProductEvent>(db);
        await InsertCopiesAsync<LoadProductEvent>(db, window);
        await ClearRejectedAsync<LoadProductEvent>(db);
        await DeleteSupersededCopiesAsync<LoadProductEvent>(db);
        await DropNotNewerAsync<StgProductEvent, LoadProductEvent>(db, Uuid);
        await CountAsync<LoadProductEvent>(ctx, step);

        var replaced = staged.Where(s => batch.Select(l => l.Uuid).Contains(s.Uuid));
        await IncrementalRules.SupersededEventsTouchTheDayTheyLeaveAsync(db, replaced);
        await replaced.DeleteAsync();
        await batch.InsertAsync(staged, CopyOf<LoadProductEvent, StgProductEvent>());
        await IncrementalRules.NewEventsTouchTheDayTheyLandOnAsync(db, batch);
        await EmptyAsync<LoadProductEvent>(db);
    }

    /// <summary>Every raw copy with a usable uuid, typed, validated (the first problem wins), classified and attributed.</summary>
    private static Task<int> InsertCopiesAsync<T>(DataConnection db, IQueryable<RawProductEvent> window) where T : StgProductEvent, new()
    {
        var users = db.GetTable<StgUser>();
        var names = db.GetTable<EventClassification>();
        var copies =
            from r in Keyed(window, Uuid)
            let distinctId = SqlFunctions.Ordinal(r.DistinctId)
            let isSystem = distinctId!.Substring(0, 4) == "org-"
            from user in users.Where(u => !isSystem && u.Id == distinctId).DefaultIfEmpty()
            from name in names.Where(c => c.Event == SqlFunctions.Ordinal(r.Event)).DefaultIfEmpty()
            select new T
            {
                Uuid = r.Uuid!,
                EventId = (int?)name.Id,
                DistinctId = Fit(r.DistinctId, TextLengths.Id),
                ActivityDate = SqlFunctions.UtcDate(r.Timestamp),
                IsSystem = isSystem,
                // org-X is org X (even one not in pylon_organizations); "org-" alone has none (the length test, not
                // = 'org-', which SQL Server also finds true for 'org- '). A user's events go to the user's current org.
                OrgId = isSystem ? (distinctId.Length == 4 ? null : Fit(distinctId.Substring(4), TextLengths.Id)) : user.OrganizationId,
                ExtractedAt = r.AirbyteExtractedAt,
                RawId = r.AirbyteRawId,
                HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
                RejectReason =
                    r.Event == null ? RejectReasons.MissingEvent
                    : r.DistinctId == null ? RejectReasons.MissingDistinctId
                    : r.Timestamp == null || SqlFunctions.UtcDate(r.Timestamp) == null ? RejectReasons.MissingTimestamp
                    : TooLong(r.Event, TextLengths.EventName) ? RejectReasons.TooLong + "event"
                    : SqlFunctions.EndsWithSpace(r.Event) ? RejectReasons.TrailingSpace + "event"
                    : TooLong(r.DistinctId, TextLengths.Id) ? RejectReasons.TooLong + "distinct_id"
                    : SqlFunctions.EndsWithSpace(r.DistinctId) ? RejectReasons.TrailingSpace + "distinct_id"
                    // It cannot have happened yet; judged against its own extraction, so the rule does not depend on when a build runs.
                    : SqlFunctions.EpochMilliseconds(r.Timestamp) > r.AirbyteExtractedAt + OneDayMs ? RejectReasons.Future
                    : null,
            };
        return copies.InsertAsync(db.GetTable<T>(), e => e);
    }

    /// <summary>A rejected copy keeps its uuid and version (it hides older copies) but counts for no org or day.</summary>
    private static Task<int> ClearRejectedAsync<T>(DataConnection db) where T : StgProductEvent =>
        db.GetTable<T>().Where(e => e.RejectReason != null)
            .Set(e => e.OrgId, (string?)null)
            .Set(e => e.ActivityDate, (DateOnly?)null)
            .UpdateAsync();

    /// <summary>
    /// Deletes every copy that another copy of its uuid supersedes (later extraction, then larger raw id; the very
    /// same version twice: the later inserted stays). Only uuids with several copies are looked at, through the
    /// uuid index.
    /// </summary>
    private static Task<int> DeleteSupersededCopiesAsync<T>(DataConnection db) where T : StgProductEvent
    {
        var copies = db.GetTable<T>();
        var repeated = copies.GroupBy(e => e.Uuid).Where(g => g.Count() > 1).Select(g => g.Key);
        return copies
            .Where(e => repeated.Contains(e.Uuid)
                        && copies.Any(n => n.Uuid == e.Uuid && (IsNewer(n, e) || (SameVersion(n, e) && n.Id > e.Id))))
            .DeleteAsync();
    }

    /// <summary>What was staged: rows written, rejected (per reason), unattributed, and those Airbyte changed.</summary>
    private static async Task CountAsync<T>(BuildContext ctx, PipelineRunStep step) where T : StgProductEvent
    {
        var rows = ctx.Db.GetTable<T>();
        step.RowsWritten = await rows.LongCountAsync();
        step.RowsWithAirbyteChanges = await rows.LongCountAsync(e => e.HasAirbyteChanges);
        step.RowsUnattributed = await rows.LongCountAsync(e => e.RejectReason == null && e.OrgId == null);
        var rejected = await rows.Where(e => e.RejectReason != null)
            .GroupBy(e => e.RejectReason)
            .Select(g => new RowIssueCount(g.Key!, g.LongCount(), g.Min(e => e.Uuid)))
            .ToListAsync();
        ctx.AddRowIssues(step, rejected, rejected: true);
    }

    /// <summary>
    /// The events of a user whose row changed follow the user to the user's current org (DESIGN section 3, rule 4).
    /// They are found where they are now, through the (org_id, activity_date) index: under the user's previous
    /// org (touched by the user's change), or under no org.
    /// </summary>
    public static async Task FollowMovedUsersAsync(BuildContext ctx)
    {
        var db = ctx.Db;
        var changed = db.GetTable<LoadUser>().Select(l => (string?)l.Id);
        var previousOrgs = IncrementalRules.OrgsWithChangedUsers(db);
        var users = db.GetTable<StgUser>();
        var events = db.GetTable<StgProductEvent>().Where(e => !e.IsSystem && e.RejectReason == null && changed.Contains(e.DistinctId));
        foreach (var moved in new[] { events.Where(e => previousOrgs.Contains(e.OrgId)), events.Where(e => e.OrgId == null) })
            await moved
                .Set(e => e.OrgId, e => users.Where(u => u.Id == e.DistinctId).Select(u => u.OrganizationId).FirstOrDefault())
                .UpdateAsync();
    }

    /// <summary>
    /// Classifies event names not seen before (few: names, not events) and stores them in event_classification,
    /// which numbers them: staging then stores each event's number.
    /// </summary>
    private static async Task ClassifyNewEventNamesAsync(DataConnection db, IQueryable<RawProductEvent> window)
    {
        var known = db.GetTable<EventClassification>();
        var newNames = await window
            .Where(r => r.Event != null && !TooLong(r.Event, TextLengths.EventName) && !SqlFunctions.EndsWithSpace(r.Event))
            .Select(r => SqlFunctions.Ordinal(r.Event)!)
            .Distinct()
            .Where(name => !known.Any(k => k.Event == name))
            .ToListAsync();
        var rows = newNames.Distinct(StringComparer.Ordinal)
            .Select(name => new EventClassification { Event = name, Category = EventClassifier.Classify(name) });
        await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
    }
}
