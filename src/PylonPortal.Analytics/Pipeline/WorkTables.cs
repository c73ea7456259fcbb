using System.Linq.Expressions;
using LinqToDB;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Pipeline;

// What one run must recompute (DESIGN section 1). Emptied at the start of every run; builds never
// overlap, so one set of tables serves every run.

/// <summary>work_touched_days: an (org, activity_date) a new or superseded event row can change.</summary>
public sealed class TouchedDay
{
    public string OrgId { get; set; } = "";
    public DateOnly ActivityDate { get; set; }

    /// <summary>
    /// (org, date) is one of <paramref name="keys"/>. The IN lists come first so the engine looks the keys up
    /// through an (org_id, date) index instead of scanning a year of rows (SQLite would, given EXISTS alone).
    /// </summary>
    [ExpressionMethod(nameof(IncludesExpression))]
    public static bool Includes(IQueryable<TouchedDay> keys, string? orgId, DateOnly? date) => throw new InvalidOperationException("Only valid inside a database query.");

    private static Expression<Func<IQueryable<TouchedDay>, string?, DateOnly?, bool>> IncludesExpression() => (keys, orgId, date) =>
        keys.Select(k => (string?)k.OrgId).Contains(orgId) && keys.Select(k => (DateOnly?)k.ActivityDate).Contains(date)
        && keys.Any(k => k.OrgId == orgId && k.ActivityDate == date);
}

/// <summary>work_touched_orgs: an org whose every date is recomputed, and why (<see cref="TouchSources"/>).</summary>
public sealed class TouchedOrg
{
    public string OrgId { get; set; } = "";
    public string Source { get; set; } = "";
}

/// <summary>
/// work_touched_as_of: a range of as-of dates of one org that the derived marts recompute. Every reason a
/// date is recomputed covers a range (DESIGN section 1): the 60 days after a recomputed activity date, every
/// date of a touched org, the dates a growing calendar adds.
/// </summary>
public sealed class TouchedAsOfRange
{
    public string OrgId { get; set; } = "";
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }

    /// <summary>(org, as-of date) lies in one of <paramref name="ranges"/>, found through the org (see <see cref="TouchedDay.Includes"/>).</summary>
    [ExpressionMethod(nameof(IncludesExpression))]
    public static bool Includes(IQueryable<TouchedAsOfRange> ranges, string orgId, DateOnly asOfDate) => throw new InvalidOperationException("Only valid inside a database query.");

    private static Expression<Func<IQueryable<TouchedAsOfRange>, string, DateOnly, bool>> IncludesExpression() => (ranges, orgId, asOfDate) =>
        ranges.Select(r => r.OrgId).Contains(orgId)
        && ranges.Any(r => r.OrgId == orgId && asOfDate >= r.FromDate && asOfDate <= r.ToDate);

    /// <summary>Per org, one span from its first to its last touched as-of date: what a join driven by the touched orgs reads.</summary>
    public static IQueryable<TouchedAsOfSpan> SpansPerOrg(IQueryable<TouchedAsOfRange> ranges) =>
        from r in ranges
        group r by r.OrgId into g
        select new TouchedAsOfSpan { OrgId = g.Key, From = g.Min(r => r.FromDate), To = g.Max(r => r.ToDate) };
}

/// <summary>An org's touched as-of dates from the first to the last (<see cref="TouchedAsOfRange.SpansPerOrg"/>).</summary>
public sealed class TouchedAsOfSpan
{
    public string OrgId { get; init; } = "";
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
}

internal sealed class WorkTablesConfiguration :
    IEntityTypeConfiguration<TouchedDay>, IEntityTypeConfiguration<TouchedOrg>, IEntityTypeConfiguration<TouchedAsOfRange>
{
    public void Configure(EntityTypeBuilder<TouchedDay> e)
    {
        e.ToTable("work_touched_days", Schemas.Pipeline);
        e.HasKey(x => new { x.OrgId, x.ActivityDate });
        e.Property(x => x.OrgId).IsOrdinal();
    }

    public void Configure(EntityTypeBuilder<TouchedOrg> e)
    {
        e.ToTable("work_touched_orgs", Schemas.Pipeline);
        e.HasNoKey();
        e.HasIndex(x => x.OrgId);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.Source).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<TouchedAsOfRange> e)
    {
        e.ToTable("work_touched_as_of", Schemas.Pipeline);
        e.HasKey(x => new { x.OrgId, x.FromDate, x.ToDate });
        e.Property(x => x.OrgId).IsOrdinal();
    }
}
