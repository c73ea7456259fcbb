using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Intermediate;

/// <summary>The calendar before and after a run: the first and last activity_date of the whole dataset.</summary>
public sealed record CalendarChange(DateOnly? OldFirst, DateOnly? OldLast, DateOnly? First, DateOnly? Last)
{
    public bool FirstMoved => OldFirst != First;
}

/// <summary>int_calendar and int_org_spine: the as-of dates and orgs the derived marts have rows for (DESIGN section 5).</summary>
internal static class CalendarModel
{
    public static async Task<CalendarChange> BuildCalendarAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        var calendar = db.GetTable<IntCalendarDate>();
        var daily = db.GetTable<OrgDailyActivityRow>();
        var change = new CalendarChange(
            await calendar.MinAsync(c => (DateOnly?)c.Date), await calendar.MaxAsync(c => (DateOnly?)c.Date),
            await daily.MinAsync(d => (DateOnly?)d.ActivityDate), await daily.MaxAsync(d => (DateOnly?)d.ActivityDate));
        await ApplyAsync(db, change, step);
        return change;
    }

    /// <summary>Makes int_calendar hold exactly the dates from the new first to the new last activity date.</summary>
    internal static async Task ApplyAsync(DataConnection db, CalendarChange change, PipelineRunStep step)
    {
        var calendar = db.GetTable<IntCalendarDate>();
        if (change is not { First: { } first, Last: { } last })
        {
            step.RowsDeleted = await calendar.DeleteAsync();
            return;
        }
        step.RowsDeleted = await calendar.Where(c => c.Date < first || c.Date > last).DeleteAsync();
        var missing = Dates(first, last).Where(d => change.OldFirst is null || d < change.OldFirst || d > change.OldLast);
        step.RowsWritten = (await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows },
            missing.Select(d => new IntCalendarDate { Date = d }))).RowsCopied;
    }

    /// <summary>
    /// Every org of pylon_organizations plus any org with activity, from the UTC date of its created_at
    /// (the first calendar date when unknown or earlier). An org that is new to the spine, leaves it, or
    /// whose first date moves gets every as-of date recomputed.
    /// </summary>
    public static async Task BuildSpineAsync(BuildContext ctx, PipelineRunStep step, CalendarChange calendar)
    {
        var db = ctx.Db;
        var old = db.GetTable<IntOrgSpine>();
        var spine = Spine(db, calendar.First);
        await IncrementalRules.SpineChangesTouchTheirOrgsAsync(db, spine);
        step.RowsDeleted = await old.DeleteAsync();
        step.RowsWritten = await spine.InsertAsync(old, s => s);
    }

    private static IQueryable<IntOrgSpine> Spine(DataConnection db, DateOnly? first)
    {
        if (first is not { } start) return db.GetTable<IntOrgSpine>().Where(_ => false);
        var organizations = db.GetTable<StgOrganization>();
        var known = organizations.Select(o => new IntOrgSpine
        {
            OrgId = o.Id,
            CreatedDate = o.CreatedDate,
            StartDate = o.CreatedDate != null && o.CreatedDate > start ? o.CreatedDate.Value : start,
        });
        var activeOnly = db.GetTable<OrgDailyActivityRow>()
            .Select(d => d.OrgId).Distinct()
            .Where(id => !organizations.Any(o => o.Id == id))
            .Select(id => new IntOrgSpine { OrgId = id, CreatedDate = null, StartDate = start });
        return known.Concat(activeOnly);
    }

    public static IEnumerable<DateOnly> Dates(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }
}
