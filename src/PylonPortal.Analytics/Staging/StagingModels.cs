using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources;
using static PylonPortal.Analytics.Staging.StagingSql;

namespace PylonPortal.Analytics.Staging;

/// <summary>
/// The staging models of the four small sources (DESIGN section 3); events are in <see cref="EventStaging"/>.
/// Each loads the latest row per key of its batch into load_*, says why a row is rejected, keeps what is newer
/// than stg_*, records what the change touches (the old and the new org), then replaces the staged rows.
/// Order matters: users before events, so new events join the users' current orgs.
/// </summary>
internal static class StagingModels
{
    public static async Task StageUsersAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonUser>(db, since);
        await ReadStatsAsync(step, window);
        await CountUnkeyedAsync(ctx, step, window, nameof(RawPylonUser.Id), "id");
        await EmptyAsync<LoadUser>(db);
        await LatestPerKey(window, nameof(RawPylonUser.Id)).InsertAsync(db.GetTable<LoadUser>(), r => new LoadUser
        {
            Id = r.Id!,
            OrganizationId = Unkeyable(r.OrganizationId) ? null : r.OrganizationId,
            Email = Fit(r.Email, TextLengths.Email),
            Name = Fit(r.Name, TextLengths.Name),
            CreatedAt = r.CreatedAt,
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
            RejectReason =
                TooLong(r.OrganizationId, TextLengths.Id) ? RejectReasons.TooLong + "organization_id"
                : SqlFunctions.EndsWithSpace(r.OrganizationId) ? RejectReasons.TrailingSpace + "organization_id"
                : TooLong(r.Email, TextLengths.Email) ? RejectReasons.TooLong + "email"
                : TooLong(r.Name, TextLengths.Name) ? RejectReasons.TooLong + "name"
                : null,
        });
        await DropNotNewerAsync<StgUser, LoadUser>(db, nameof(StgUser.Id));
        await CountLoadedAsync<LoadUser>(db, step);
        await CountRejectedAsync<LoadUser>(ctx, step, nameof(LoadUser.Id));

        await IncrementalRules.ChangedUsersTouchBothOrgsAsync(db);
        await ReplaceAsync<StgUser, LoadUser>(db, nameof(StgUser.Id));
        await EventStaging.FollowMovedUsersAsync(ctx);
        await EmptyAsync<LoadUser>(db);
    }

    public static async Task StageOrganizationsAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonOrganization>(db, since);
        await ReadStatsAsync(step, window);
        await CountUnkeyedAsync(ctx, step, window, nameof(RawPylonOrganization.Id), "id");
        await EmptyAsync<LoadOrganization>(db);
        await LatestPerKey(window, nameof(RawPylonOrganization.Id)).InsertAsync(db.GetTable<LoadOrganization>(), r => new LoadOrganization
        {
            Id = r.Id!,
            Name = Fit(r.Name, TextLengths.Name),
            Domain = Fit(r.Domain, TextLengths.Name),
            CreatedAt = r.CreatedAt,
            CreatedDate = SqlFunctions.UtcDate(r.CreatedAt),
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
            RejectReason =
                TooLong(r.Name, TextLengths.Name) ? RejectReasons.TooLong + "name"
                : TooLong(r.Domain, TextLengths.Name) ? RejectReasons.TooLong + "domain"
                : null,
        });
        await DropNotNewerAsync<StgOrganization, LoadOrganization>(db, nameof(StgOrganization.Id));
        await CountLoadedAsync<LoadOrganization>(db, step);
        await CountRejectedAsync<LoadOrganization>(ctx, step, nameof(LoadOrganization.Id));
        await IncrementalRules.ChangedOrganizationsTouchThemselvesAsync(db);
        await ReplaceAsync<StgOrganization, LoadOrganization>(db, nameof(StgOrganization.Id));
        await EmptyAsync<LoadOrganization>(db);
    }

    public static async Task StageAccountsAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawSalesforceAccount>(db, since);
        await ReadStatsAsync(step, window);
        await CountUnkeyedAsync(ctx, step, window, nameof(RawSalesforceAccount.Id), "Id");
        var latest = LatestPerKey(window, nameof(RawSalesforceAccount.Id));
        await CountOutOfRangeAsync(ctx, step, latest, r => r.Id, ("Current_ARR__c", r => r.CurrentArrC), ("AnnualRevenue", r => r.AnnualRevenue));
        await EmptyAsync<LoadAccount>(db);
        await latest.InsertAsync(db.GetTable<LoadAccount>(), r => new LoadAccount
        {
            Id = r.Id!,
            Name = Fit(r.Name, TextLengths.Name),
            Industry = Fit(Label(r.Industry), TextLengths.Label),
            AnnualRevenue = InRange(r.AnnualRevenue),
            Segment = Fit(Label(r.SegmentC), TextLengths.Label),
            SeatTier = Fit(Label(r.SeatTierC), TextLengths.Label),
            CurrentArr = InRange(r.CurrentArrC),
            PylonOrganizationId = Unkeyable(r.PylonOrganizationIdC) ? null : r.PylonOrganizationIdC,
            RenewalDate = r.RenewalDateC,
            OwnerEmail = Fit(r.OwnerEmailC, TextLengths.Email),
            IsDeleted = r.IsDeleted == true,
            CreatedDate = r.CreatedDate,
            LastModifiedDate = r.LastModifiedDate,
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
            RejectReason =
                TooLong(r.PylonOrganizationIdC, TextLengths.Id) ? RejectReasons.TooLong + "Pylon_Organization_Id__c"
                : SqlFunctions.EndsWithSpace(r.PylonOrganizationIdC) ? RejectReasons.TrailingSpace + "Pylon_Organization_Id__c"
                : TooLong(r.Name, TextLengths.Name) ? RejectReasons.TooLong + "Name"
                : TooLong(Label(r.Industry), TextLengths.Label) ? RejectReasons.TooLong + "Industry"
                : TooLong(Label(r.SegmentC), TextLengths.Label) ? RejectReasons.TooLong + "Segment__c"
                : TooLong(Label(r.SeatTierC), TextLengths.Label) ? RejectReasons.TooLong + "Seat_Tier__c"
                : TooLong(r.OwnerEmailC, TextLengths.Email) ? RejectReasons.TooLong + "Owner_Email__c"
                : null,
        });
        await DropNotNewerAsync<StgAccount, LoadAccount>(db, nameof(StgAccount.Id));
        await CountLoadedAsync<LoadAccount>(db, step);
        await CountRejectedAsync<LoadAccount>(ctx, step, nameof(LoadAccount.Id));

        await IncrementalRules.ChangedAccountsTouchBothOrgsAsync(db);
        await ReplaceAsync<StgAccount, LoadAccount>(db, nameof(StgAccount.Id));
        await EmptyAsync<LoadAccount>(db);
    }

    public static async Task StageIssuesAsync(BuildContext ctx, PipelineRunStep step, long? since)
    {
        var db = ctx.Db;
        var window = Window<RawPylonIssue>(db, since);
        await ReadStatsAsync(step, window);
        await CountUnkeyedAsync(ctx, step, window, nameof(RawPylonIssue.Id), "id");
        var latest = LatestPerKey(window, nameof(RawPylonIssue.Id));
        await CountOutOfRangeAsync(ctx, step, latest, r => r.Id, ("csat_score", r => r.CsatScore));
        await EmptyAsync<LoadIssue>(db);
        await latest.InsertAsync(db.GetTable<LoadIssue>(), r => new LoadIssue
        {
            Id = r.Id!,
            OrganizationId = Unkeyable(r.OrganizationId) ? null : r.OrganizationId,
            CreatedAt = r.CreatedAt,
            CreatedDate = SqlFunctions.UtcDate(r.CreatedAt),
            ResolvedAt = r.ResolvedAt,
            Priority = Fit(r.Priority, TextLengths.Priority),
            // A csat_score outside 1-5 counts as no rating. Only the exact text "urgent" is urgent: the length test
            // keeps 'urgent ' out on SQL Server too, whose = ignores trailing spaces.
            CsatScore = r.CsatScore >= 1 && r.CsatScore <= 5 ? r.CsatScore : null,
            IsUrgent = SqlFunctions.Ordinal(r.Priority) == "urgent" && r.Priority!.Length == 6,
            ExtractedAt = r.AirbyteExtractedAt,
            RawId = r.AirbyteRawId,
            HasAirbyteChanges = SqlFunctions.HasAirbyteChanges(r.AirbyteMeta),
            RejectReason =
                TooLong(r.OrganizationId, TextLengths.Id) ? RejectReasons.TooLong + "organization_id"
                : SqlFunctions.EndsWithSpace(r.OrganizationId) ? RejectReasons.TrailingSpace + "organization_id"
                : TooLong(r.Priority, TextLengths.Priority) ? RejectReasons.TooLong + "priority"
                : null,
        });
        await DropNotNewerAsync<StgIssue, LoadIssue>(db, nameof(StgIssue.Id));
        await CountLoadedAsync<LoadIssue>(db, step);
        await CountRejectedAsync<LoadIssue>(ctx, step, nameof(LoadIssue.Id));

        await IncrementalRules.ChangedIssuesTouchBothOrgsAsync(db);
        await ReplaceAsync<StgIssue, LoadIssue>(db, nameof(StgIssue.Id));
        await EmptyAsync<LoadIssue>(db);
    }

    /// <summary>Counts the latest rows whose decimal columns are out of range (staged as NULL; the row is kept).</summary>
    private static async Task CountOutOfRangeAsync<T>(BuildContext ctx, PipelineRunStep step, IQueryable<T> latest,
        System.Linq.Expressions.Expression<Func<T, string?>> key,
        params (string Column, System.Linq.Expressions.Expression<Func<T, decimal?>> Value)[] columns)
        where T : AirbyteRecord
    {
        foreach (var (column, value) in columns)
        {
            var test = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.Call(typeof(StagingSql).GetMethod(nameof(OutOfRange))!, value.Body), value.Parameters);
            var outOfRange = latest.Where(test);
            var rows = await outOfRange.LongCountAsync();
            if (rows > 0)
                ctx.AddRowIssues(step, [new RowIssueCount(RejectReasons.OutOfRange + column, rows, await outOfRange.Select(key).MinAsync())], rejected: false);
        }
    }
}
