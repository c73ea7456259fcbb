using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Marts;

/// <summary>Activity in W30 = [as_of - 29, as_of] and P30 = [as_of - 59, as_of - 30], from fct_org_daily_activity.</summary>
public sealed record ActivityWindow(int Events30d, int EventsPrev30d, int AiEvents30d, int ActiveDays30d, int AiActiveDays30d)
{
    public static readonly ActivityWindow None = new(0, 0, 0, 0, 0);
}

/// <summary>Distinct users in W30, from int_org_user_daily (distinct counts cannot be summed from daily rows).</summary>
public sealed record UserWindow(int ActiveUsers30d, int AiUsers30d)
{
    public static readonly UserWindow None = new(0, 0);
}

/// <summary>Issues created in W30 (by the UTC date of created_at).</summary>
public sealed record IssueWindow(int Issues30d, int UrgentIssues30d, decimal CsatSum, int RatedIssues)
{
    public static readonly IssueWindow None = new(0, 0, 0m, 0);

    public decimal? AvgCsat => RatedIssues == 0 ? null : CsatSum / RatedIssues;
}

/// <summary>
/// The window aggregates of the derived marts, computed in the database for the touched as-of dates of
/// a range of orgs. What comes back is one row per (org, as-of date): mart-sized.
/// </summary>
internal sealed class WindowMetrics(DataConnection db, string firstOrg, string lastOrg)
{
    private IQueryable<TouchedAsOf> AsOfDates =>
        db.GetTable<TouchedAsOf>().Where(t => SqlFunctions.InRange(t.OrgId, firstOrg, lastOrg));

    public Task<Dictionary<(string, DateOnly), ActivityWindow>> ActivityAsync() =>
        (from t in AsOfDates
         join f in db.GetTable<OrgDailyActivityRow>() on t.OrgId equals f.OrgId
         where SqlFunctions.Within(f.ActivityDate, t.AsOfDate, -59, 0)
         select new
         {
             t.OrgId, t.AsOfDate,
             InW30 = SqlFunctions.Within(f.ActivityDate, t.AsOfDate, -29, 0),
             f.TotalEventCount, f.AiEvents,
         } into x
         group x by new { x.OrgId, x.AsOfDate } into g
         select new
         {
             g.Key.OrgId, g.Key.AsOfDate,
             Events30d = g.Sum(x => x.InW30 ? x.TotalEventCount : 0),
             EventsPrev30d = g.Sum(x => x.InW30 ? 0 : x.TotalEventCount),
             AiEvents30d = g.Sum(x => x.InW30 ? x.AiEvents : 0),
             // Every daily row has at least one attributed event, system-level included.
             ActiveDays30d = g.Count(x => x.InW30),
             AiActiveDays30d = g.Count(x => x.InW30 && x.AiEvents > 0),
         })
        .ToDictionaryAsync(x => (x.OrgId, x.AsOfDate),
            x => new ActivityWindow(x.Events30d, x.EventsPrev30d, x.AiEvents30d, x.ActiveDays30d, x.AiActiveDays30d));

    public Task<Dictionary<(string, DateOnly), UserWindow>> UsersAsync() =>
        (from t in AsOfDates
         join u in db.GetTable<IntOrgUserDaily>() on t.OrgId equals u.OrgId
         where SqlFunctions.Within(u.ActivityDate, t.AsOfDate, -29, 0)
         group u by new { t.OrgId, t.AsOfDate } into g
         select new
         {
             g.Key.OrgId, g.Key.AsOfDate,
             ActiveUsers = g.Select(u => u.UserId).Distinct().Count(),
             AiUsers = g.Select(u => u.AiEventCount > 0 ? u.UserId : null).Distinct().Count(),
         })
        .ToDictionaryAsync(x => (x.OrgId, x.AsOfDate), x => new UserWindow(x.ActiveUsers, x.AiUsers));

    public Task<Dictionary<(string, DateOnly), IssueWindow>> IssuesAsync() =>
        (from t in AsOfDates
         join i in db.GetTable<StgIssue>() on t.OrgId equals i.OrganizationId
         where SqlFunctions.Within(i.CreatedDate, t.AsOfDate, -29, 0)
         group i by new { t.OrgId, t.AsOfDate } into g
         select new
         {
             g.Key.OrgId, g.Key.AsOfDate,
             Issues = g.Count(),
             Urgent = g.Count(i => i.IsUrgent),
             CsatSum = g.Sum(i => i.CsatScore) ?? 0m,
             Rated = g.Count(i => i.CsatScore != null),
         })
        .ToDictionaryAsync(x => (x.OrgId, x.AsOfDate), x => new IssueWindow(x.Issues, x.Urgent, x.CsatSum, x.Rated));

    /// <summary>Current pylon_users rows of each org (the same for every date).</summary>
    public Task<Dictionary<string, int>> OrgUserCountsAsync() =>
        (from u in db.GetTable<StgUser>()
         where SqlFunctions.InRange(u.OrganizationId, firstOrg, lastOrg)
         group u by u.OrganizationId into g
         select new { OrgId = g.Key!, Users = g.Count() })
        .ToDictionaryAsync(x => x.OrgId, x => x.Users, StringComparer.Ordinal);

    /// <summary>Each org's name, creation date and account: what both marts repeat on every row.</summary>
    public Task<Dictionary<string, OrgProfile>> ProfilesAsync() =>
        (from s in db.GetTable<IntOrgSpine>()
         where SqlFunctions.InRange(s.OrgId, firstOrg, lastOrg)
         from o in db.GetTable<StgOrganization>().Where(o => o.Id == s.OrgId).DefaultIfEmpty()
         from a in db.GetTable<IntOrgAccount>().Where(a => a.OrgId == s.OrgId).DefaultIfEmpty()
         select new OrgProfile(s.OrgId, s.CreatedDate, o.Name, a.AccountName, a.Segment, a.Industry, a.SeatTier,
             a.CurrentArr, a.RenewalDate, a.OwnerEmail))
        .ToDictionaryAsync(p => p.OrgId, StringComparer.Ordinal);

    public Task<List<TouchedAsOf>> KeysAsync() =>
        AsOfDates.OrderBy(t => t.OrgId).ThenBy(t => t.AsOfDate).ToListAsync();
}

public sealed record OrgProfile(
    string OrgId, DateOnly? CreatedDate, string? OrgName, string? AccountName, string? Segment, string? Industry,
    string? SeatTier, decimal? CurrentArr, DateOnly? RenewalDate, string? OwnerEmail);
