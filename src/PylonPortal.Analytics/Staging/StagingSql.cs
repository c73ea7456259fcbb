using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Staging;

/// <summary>
/// The mechanism every source shares (DESIGN sections 1 and 3): read the raw rows extracted since the
/// watermark, keep the latest per key, drop those not newer than the staged row, replace the rest.
/// </summary>
internal static class StagingSql
{
    /// <summary>Raw rows extracted since <paramref name="since"/> (all rows when null); NULL extraction times count as oldest and are always re-read.</summary>
    public static IQueryable<T> Window<T>(DataConnection db, long? since) where T : AirbyteRecord =>
        since is null
            ? db.GetTable<T>()
            : db.GetTable<T>().Where(r => r.AirbyteExtractedAt >= since || r.AirbyteExtractedAt == null);

    /// <summary>
    /// The latest row of each key: latest _airbyte_extracted_at, then larger _airbyte_raw_id (NULL counts as
    /// oldest, smallest; both engines sort NULL lowest). Keys compare ordinally.
    /// </summary>
    public static IQueryable<T> LatestPerKey<T>(IQueryable<T> window, string key) where T : AirbyteRecord =>
        window
            .Where(r => Sql.Property<string?>(r, key) != null)
            .Select(r => new
            {
                Row = r,
                Rank = Sql.Ext.RowNumber().Over()
                    .PartitionBy(SqlFunctions.Ordinal(Sql.Property<string?>(r, key)))
                    .OrderByDesc(r.AirbyteExtractedAt)
                    .ThenByDesc(SqlFunctions.Ordinal(r.AirbyteRawId))
                    .ToValue(),
            })
            .AsSubQuery()
            .Where(x => x.Rank == 1)
            .Select(x => x.Row);

    /// <summary>What a source's raw window holds: rows, rows without a key, and the greatest extraction time.</summary>
    public static async Task ReadStatsAsync<T>(BuildContext ctx, PipelineRunStep step, IQueryable<T> window, string key)
        where T : AirbyteRecord
    {
        step.RowsRead = await window.LongCountAsync();
        step.RowsRejected = await window.LongCountAsync(r => Sql.Property<string?>(r, key) == null);
        step.Watermark = await window.MaxAsync(r => r.AirbyteExtractedAt);
    }

    /// <summary>Drops the loaded rows that are not newer than the row already staged under their key.</summary>
    public static Task<int> DropNotNewerAsync<TStaged, TLoad>(DataConnection db, string key)
        where TStaged : StagedRow where TLoad : TStaged =>
        db.GetTable<TLoad>()
            .Where(l => db.GetTable<TStaged>().Any(s =>
                Sql.Property<string>(s, key) == Sql.Property<string>(l, key) && !IsNewer(l, s)))
            .DeleteAsync();

    /// <summary>Replaces each staged row that has a loaded (newer) row, and adds the new keys.</summary>
    public static async Task ReplaceAsync<TStaged, TLoad>(DataConnection db, string key)
        where TStaged : StagedRow where TLoad : TStaged
    {
        // key IN (SELECT key FROM load): the engines drive this from the (small) load table through the staged key's index.
        await db.GetTable<TStaged>()
            .Where(s => db.GetTable<TLoad>().Select(l => Sql.Property<string>(l, key)).Contains(Sql.Property<string>(s, key)))
            .DeleteAsync();
        await db.GetTable<TLoad>().InsertAsync(db.GetTable<TStaged>(), CopyOf<TLoad, TStaged>());
    }

    /// <summary>Empties a load table: before a batch, and after it so the batch does not sit on disk until the next run.</summary>
    public static Task EmptyAsync<TLoad>(DataConnection db) where TLoad : StagedRow => db.GetTable<TLoad>().TruncateAsync();

    /// <summary><c>l => new TStaged { A = l.A, B = l.B, ... }</c>: a load row has every column of its staged row.</summary>
    private static Expression<Func<TLoad, TStaged>> CopyOf<TLoad, TStaged>() where TLoad : TStaged
    {
        var load = Expression.Parameter(typeof(TLoad), "l");
        var columns = typeof(TStaged).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => Expression.Bind(p, Expression.Property(load, p)));
        return Expression.Lambda<Func<TLoad, TStaged>>(Expression.MemberInit(Expression.New(typeof(TStaged)), columns), load);
    }

    public static async Task CountLoadedAsync<TLoad>(DataConnection db, PipelineRunStep step) where TLoad : StagedRow
    {
        step.RowsWritten = await db.GetTable<TLoad>().LongCountAsync();
        step.RowsWithAirbyteChanges = await db.GetTable<TLoad>().LongCountAsync(l => l.HasAirbyteChanges);
    }

    /// <summary>Records orgs whose every date must be recomputed.</summary>
    public static Task<int> TouchOrgsAsync(DataConnection db, IQueryable<string?> orgIds, string source) =>
        orgIds.Where(id => id != null).Distinct()
            .InsertAsync(db.GetTable<TouchedOrg>(), id => new TouchedOrg { OrgId = id!, Source = source });

    /// <summary>Records (org, activity_date) keys to recompute, once each.</summary>
    public static Task<int> TouchDaysAsync(DataConnection db, IQueryable<TouchedDay> keys) =>
        keys.Distinct()
            .Where(k => !db.GetTable<TouchedDay>().Any(t => t.OrgId == k.OrgId && t.ActivityDate == k.ActivityDate))
            .InsertAsync(db.GetTable<TouchedDay>(), k => k);

    /// <summary>Row <paramref name="candidate"/> supersedes <paramref name="current"/>: extracted later, or as late with a larger raw id.</summary>
    [ExpressionMethod(nameof(IsNewerExpression))]
    public static bool IsNewer(StagedRow candidate, StagedRow current) => throw new InvalidOperationException("Only valid inside a database query.");

    private static Expression<Func<StagedRow, StagedRow, bool>> IsNewerExpression() => (a, b) =>
        (a.ExtractedAt ?? -1) > (b.ExtractedAt ?? -1)
        || ((a.ExtractedAt ?? -1) == (b.ExtractedAt ?? -1) && SqlFunctions.After(a.RawId ?? "", b.RawId ?? ""));
}
