using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A LIKE pattern (escape <see cref="LikeEscape"/>) matching text that contains <paramref name="text"/> literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
