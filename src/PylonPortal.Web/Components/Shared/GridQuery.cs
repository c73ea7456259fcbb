using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;

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
    /// Orders by one column, rows without a value last in either direction (a missing ARR or change is
    /// never the "top" of a list), then by a unique key so that consecutive pages neither overlap nor skip.
    /// </summary>
    public static IQueryable<T> OrderByColumn<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> column, bool descending,
        Expression<Func<T, string>> uniqueKey)
    {
        IOrderedQueryable<T>? ordered = null;
        if (default(TKey) is null)
        {
            var isMissing = Expression.Lambda<Func<T, bool>>(
                Expression.Equal(column.Body, Expression.Constant(null, column.Body.Type)), column.Parameters);
            ordered = rows.OrderBy(isMissing);
        }
        ordered = (ordered, descending) switch
        {
            (null, false) => rows.OrderBy(column),
            (null, true) => rows.OrderByDescending(column),
            (_, false) => ordered.ThenBy(column),
            (_, true) => ordered.ThenByDescending(column),
        };
        return ordered.ThenBy(uniqueKey);
    }

    /// <summary>The rows of one page (0-based) of an ordered query.</summary>
    public static async Task<IReadOnlyList<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return await ordered.Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
    }

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
