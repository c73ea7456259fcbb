using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Pipeline;

/// <summary>
/// What a change touches (DESIGN section 1, "Incremental and idempotent"), one method per rule. Staging calls the
/// rules for what it loads; the mart models then rebuild exactly the touched keys: (org, activity_date) in
/// work_touched_days, whole orgs in work_touched_orgs (with their <see cref="TouchSources"/>), and as-of ranges
/// in work_touched_as_of. A full refresh touches nothing: it rebuilds everything.
/// </summary>
internal static class IncrementalRules
{
    /// <summary>A changed user touches every date of the org it left and of the org it joins (attribution, org_user_count).</summary>
    public static async Task ChangedUsersTouchBothOrgsAsync(DataConnection db)
    {
        var loaded = db.GetTable<LoadUser>();
        await TouchOrgsAsync(db, db.GetTable<StgUser>().Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.OrganizationId), TouchSources.Users);
        await TouchOrgsAsync(db, loaded.Where(l => l.RejectReason == null).Select(l => l.OrganizationId), TouchSources.Users);
    }

    /// <summary>A changed organization row touches every date of that org (its name and created date).</summary>
    public static Task ChangedOrganizationsTouchThemselvesAsync(DataConnection db) =>
        TouchOrgsAsync(db, db.GetTable<LoadOrganization>().Select(l => (string?)l.Id), TouchSources.Organizations);

    /// <summary>A changed account can change the chosen account of the org it was linked to and of the one it links to now.</summary>
    public static async Task ChangedAccountsTouchBothOrgsAsync(DataConnection db)
    {
        var loaded = db.GetTable<LoadAccount>();
        await TouchOrgsAsync(db, db.GetTable<StgAccount>().Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.PylonOrganizationId), TouchSources.Accounts);
        await TouchOrgsAsync(db, loaded.Where(l => l.RejectReason == null).Select(l => l.PylonOrganizationId), TouchSources.Accounts);
    }

    /// <summary>A changed issue touches the orgs it belonged to and belongs to; issues feed the derived marts only.</summary>
    public static async Task ChangedIssuesTouchBothOrgsAsync(DataConnection db)
    {
        var loaded = db.GetTable<LoadIssue>();
        await TouchOrgsAsync(db, db.GetTable<StgIssue>().Where(s => loaded.Select(l => l.Id).Contains(s.Id)).Select(s => s.OrganizationId), TouchSources.Issues);
        await TouchOrgsAsync(db, loaded.Where(l => l.RejectReason == null).Select(l => l.OrganizationId), TouchSources.Issues);
    }

    /// <summary>A superseded (re-extracted or late) event touches the day it leaves: call before the old copy goes.</summary>
    public static Task SupersededEventsTouchTheDayTheyLeaveAsync(DataConnection db, IQueryable<StgProductEvent> replaced) =>
        TouchDaysAsync(db,
            from s in replaced
            where s.OrgId != null
            select new TouchedDay { OrgId = s.OrgId!, ActivityDate = s.ActivityDate!.Value });

    /// <summary>A new or superseding event touches the day it lands on.</summary>
    public static Task NewEventsTouchTheDayTheyLandOnAsync(DataConnection db, IQueryable<LoadProductEvent> batch) =>
        TouchDaysAsync(db,
            from l in batch
            where l.OrgId != null
            select new TouchedDay { OrgId = l.OrgId!, ActivityDate = l.ActivityDate!.Value });

    /// <summary>The orgs whose users changed this run: their events may move to another org.</summary>
    public static IQueryable<string?> OrgsWithChangedUsers(DataConnection db) =>
        db.GetTable<TouchedOrg>().Where(o => o.Source == TouchSources.Users).Select(o => (string?)o.OrgId);

    /// <summary>Touched orgs whose daily rows change (issues feed the derived marts only).</summary>
    public static IQueryable<TouchedOrg> OrgsTouchingDaily(DataConnection db) =>
        db.GetTable<TouchedOrg>().Where(o => o.Source != TouchSources.Issues);

    /// <summary>
    /// A touched org's dates are all touched: those it has staged now and those it had in the marts, which may be
    /// gone (aggregates over all orgs must see a day that disappeared).
    /// </summary>
    public static async Task EveryDateOfTouchedOrgsAsync(DataConnection db)
    {
        var orgs = OrgsTouchingDaily(db).Select(o => (string?)o.OrgId);
        await TouchDaysAsync(db,
            from e in db.GetTable<StgProductEvent>()
            where orgs.Contains(e.OrgId)
            select new TouchedDay { OrgId = e.OrgId!, ActivityDate = e.ActivityDate!.Value });
        await TouchDaysAsync(db,
            from d in db.GetTable<OrgDailyActivityRow>()
            where orgs.Contains(d.OrgId)
            select new TouchedDay { OrgId = d.OrgId, ActivityDate = d.ActivityDate });
    }

    /// <summary>An org new to the spine, whose first as-of date moved, or that left it: every as-of date of it.</summary>
    public static async Task SpineChangesTouchTheirOrgsAsync(DataConnection db, IQueryable<IntOrgSpine> newSpine)
    {
        var old = db.GetTable<IntOrgSpine>();
        await TouchOrgsAsync(db, newSpine.Where(n => !old.Any(o => o.OrgId == n.OrgId && o.StartDate == n.StartDate)).Select(n => (string?)n.OrgId), TouchSources.Spine);
        await TouchOrgsAsync(db, old.Where(o => !newSpine.Any(n => n.OrgId == o.OrgId)).Select(o => (string?)o.OrgId), TouchSources.Spine);
    }

    /// <summary>Every as-of date of the given spine orgs, up to <paramref name="last"/>.</summary>
    public static Task EveryAsOfDateAsync(DataConnection db, IQueryable<IntOrgSpine> orgs, DateOnly last) =>
        TouchAsOfAsync(db, orgs.Select(s => new TouchedAsOfRange { OrgId = s.OrgId, FromDate = s.StartDate, ToDate = last }));

    /// <summary>The as-of dates the touched days, orgs and a growing calendar reach, as ranges per org.</summary>
    public static async Task ChangedAsOfDatesAsync(DataConnection db, DateOnly previousLast, DateOnly last)
    {
        var spine = db.GetTable<IntOrgSpine>();

        // The as-of dates whose 60-day window (W30 and P30) contains a recomputed activity date.
        await TouchAsOfAsync(db,
            from k in db.GetTable<TouchedDay>()
            where spine.Any(s => s.OrgId == k.OrgId)
            let to = SqlFunctions.AddDays(k.ActivityDate, Windows.BothDays - 1)
            select new TouchedAsOfRange { OrgId = k.OrgId, FromDate = k.ActivityDate, ToDate = to < last ? to : last });

        // Every date of an org whose users, issues, organization row or account changed, or that is new to the spine.
        var touchedOrgs = db.GetTable<TouchedOrg>().Select(o => o.OrgId);
        await EveryAsOfDateAsync(db, spine.Where(s => touchedOrgs.Contains(s.OrgId)), last);

        // The new as-of dates when the calendar grows.
        var firstNew = previousLast.AddDays(1);
        if (firstNew <= last)
            await TouchAsOfAsync(db,
                from s in spine
                select new TouchedAsOfRange { OrgId = s.OrgId, FromDate = s.StartDate > firstNew ? s.StartDate : firstNew, ToDate = last });
    }

    private static Task<int> TouchOrgsAsync(DataConnection db, IQueryable<string?> orgIds, string source) =>
        orgIds.Where(id => id != null).Distinct()
            .InsertAsync(db.GetTable<TouchedOrg>(), id => new TouchedOrg { OrgId = id!, Source = source });

    private static Task<int> TouchDaysAsync(DataConnection db, IQueryable<TouchedDay> keys) =>
        keys.Distinct()
            .Where(k => !db.GetTable<TouchedDay>().Any(t => t.OrgId == k.OrgId && t.ActivityDate == k.ActivityDate))
            .InsertAsync(db.GetTable<TouchedDay>(), k => k);

    private static Task<int> TouchAsOfAsync(DataConnection db, IQueryable<TouchedAsOfRange> ranges) =>
        ranges.Distinct()
            .Where(k => k.FromDate <= k.ToDate
                        && !db.GetTable<TouchedAsOfRange>().Any(t => t.OrgId == k.OrgId && t.FromDate == k.FromDate && t.ToDate == k.ToDate))
            .InsertAsync(db.GetTable<TouchedAsOfRange>(), k => k);
}

/// <summary>Why every date of an org is recomputed (DESIGN section 1).</summary>
public static class TouchSources
{
    /// <summary>A user of the org changed, or moved in or out: its attribution and org_user_count change.</summary>
    public const string Users = "users";

    /// <summary>The org's own row changed: its name and created date.</summary>
    public const string Organizations = "organizations";

    /// <summary>A Salesforce account linked to it (before or after the change) changed.</summary>
    public const string Accounts = "accounts";

    /// <summary>An issue of the org changed; issues feed the derived marts only.</summary>
    public const string Issues = "issues";

    /// <summary>The org joined or left the spine, or its first as-of date moved.</summary>
    public const string Spine = "spine";
}
