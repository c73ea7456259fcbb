using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;

namespace PylonPortal.Web.Components.Shared;

/// <summary>One page of a server-side grid, how many rows match in all, and the as-of date they are for.</summary>
public sealed record PagedRows<T>(IReadOnlyList<T> Rows, int TotalCount, DateOnly? AsOf)
{
    public static readonly PagedRows<T> Empty = new([], 0, null);
}

/// <summary>Sorting, paging and searching for the server-side grids, translated by EF into the database's SQL.</summary>
public static class GridQuery
{
    public const int MaxPageSize = 500;

    /// <summary>The escape character of <see cref="ContainsPattern"/>.</summary>
    public const string LikeEscape = "\\";

    /// <summary>
    /// Orders by the row property a grid column is named after, rows without a value last in either direction
    /// (a missing ARR or change is never the "top" of a list), then by org id so that consecutive pages neither
    /// overlap nor skip. The columns are enums whose names are the properties (<c>HealthColumn.Arr</c> sorts <c>Arr</c>).
    /// </summary>
    public static IQueryable<T> OrderByColumn<T, TColumn>(this IQueryable<T> rows, TColumn column, bool descending)
        where T : ScoreRow where TColumn : struct, Enum
    {
        var row = Expression.Parameter(typeof(T), "r");
        var value = Expression.Property(row, column.ToString());
        var ordered = rows;
        var first = true;
        void ThenBy(Expression key, bool desc)
        {
            var method = (first, desc) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = ordered.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.Type],
                ordered.Expression, Expression.Quote(Expression.Lambda(key, row))));
            first = false;
        }
        if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null)
            ThenBy(Expression.Equal(value, Expression.Constant(null, value.Type)), desc: false);
        ThenBy(value, descending);
        ThenBy(Expression.Property(row, nameof(ScoreRow.OrgId)), desc: false);
        return ordered;
    }

    /// <summary>The rows of one page (0-based) of an ordered query.</summary>
    public static async Task<IReadOnlyList<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return await ordered.Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
    }

    /// <summary>The score rows at the as-of date, in the segment when one is asked for: where both score grids' filters start.</summary>
    public static IQueryable<ReferenceReadinessRow> ScoresAt(PortalDbContext db, DateOnly asOf, string? segment = null)
    {
        var rows = db.ReferenceReadiness.AsNoTracking().Where(r => r.AsOfDate == asOf);
        return string.IsNullOrWhiteSpace(segment) ? rows : rows.Where(r => r.AccountSegment == segment);
    }

    /// <summary>The distinct values of a column, sorted and without null: what a select filter offers.</summary>
    public static Task<List<string>> ValuesAsync(IQueryable<string?> values, CancellationToken ct) =>
        values.Where(v => v != null).Select(v => v!).Distinct().OrderBy(v => v).ToListAsync(ct);

    /// <summary>
    /// One page of a score grid at the as-of date (the latest when null): the filtered rows counted (no join is
    /// needed, the marts share their key), then the ordered page fetched. Empty when the marts have no scores yet.
    /// </summary>
    public static async Task<PagedRows<T>> ScoresPageAsync<T, TRow>(PortalDbContext db, DateOnly? requested, int page, int pageSize,
        Func<DateOnly, IQueryable<TRow>> filtered, Func<DateOnly, IQueryable<T>> ordered, CancellationToken ct)
    {
        if ((requested ?? await ScoreDates.LatestAsync(db, ct)) is not { } asOf) return PagedRows<T>.Empty;
        var total = await filtered(asOf).CountAsync(ct);
        var rows = await ordered(asOf).PageAsync(page, pageSize, ct);
        return new PagedRows<T>(rows, total, asOf);
    }

    /// <summary>Every row of a score grid at the as-of date, in its order (paging ignored), streamed from the database: for the exports.</summary>
    public static async IAsyncEnumerable<T> AllScoreRowsAsync<T>(PortalDbContext db, DateOnly? requested,
        Func<DateOnly, IQueryable<T>> ordered, [EnumeratorCancellation] CancellationToken ct)
    {
        if ((requested ?? await ScoreDates.LatestAsync(db, ct)) is not { } asOf) yield break;
        await foreach (var row in ordered(asOf).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    /// <summary>A LIKE pattern (escape <see cref="LikeEscape"/>) matching text that contains <paramref name="text"/> literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
