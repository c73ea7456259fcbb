using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Marts;

/// <summary>The 30-day windows of DESIGN section 5, the one place their offsets are written.</summary>
public static class Windows
{
    /// <summary>W30 = [as_of - 29, as_of]; P30 = [as_of - 59, as_of - 30].</summary>
    public const int Days = 30;

    /// <summary>W30 and P30 together: the history one as-of date reads.</summary>
    public const int BothDays = 2 * Days;

    /// <summary>The first day of P30, which must not lie before the history for the trend to have evidence.</summary>
    public static DateOnly PriorWindowStart(DateOnly asOf) => asOf.AddDays(1 - BothDays);

    /// <summary>The as-of date 30 days earlier that the portal compares with ("change vs 30 days ago").</summary>
    public static DateOnly Earlier(DateOnly asOf) => asOf.AddDays(-Days);
}

/// <summary>One org at one as-of date: everything in its 30-day windows the two derived marts need.</summary>
public sealed class WindowRow
{
    public string OrgId { get; set; } = "";
    public DateOnly AsOfDate { get; set; }
    public long Events30d { get; set; }
    public long EventsPrev30d { get; set; }
    public long AiEvents30d { get; set; }
    public long ActiveDays30d { get; set; }
    public long AiActiveDays30d { get; set; }

    /// <summary>Distinct users with a user-level event in W30 (not a sum of daily counts: see <see cref="WindowMetrics"/>).</summary>
    public long ActiveUsers30d { get; set; }
    public long AiUsers30d { get; set; }
    public long Issues30d { get; set; }
    public long UrgentIssues30d { get; set; }

    /// <summary>The CSAT scores of W30's rated issues, summed in hundred-millionths (exact on both engines).</summary>
    public long CsatUnits30d { get; set; }
    public long RatedIssues30d { get; set; }
}

/// <summary>
/// The window aggregates of the derived marts for the touched as-of dates of a range of orgs, computed in the
/// database in one pass over a dense (org x calendar day) series: W30 and P30 are differences of running sums
/// (no range join), so the cost is linear in orgs x days. Distinct users in W30 cannot be summed from daily rows,
/// but a user active on day d whose next active day is n counts for the as-of dates [d, min(d + 30, n)): a
/// running sum of those starts minus ends per org gives the active users of every date. The same holds for AI
/// users on their AI days. What comes back is one row per (org, as-of date): mart-sized.
/// </summary>
internal sealed class WindowMetrics(DataConnection db, string firstOrg, string lastOrg)
{
    internal const long CsatUnit = 100_000_000; // csat_score is DECIMAL(38,8)

    private sealed class DayDelta
    {
        public string OrgId { get; init; } = "";
        public DateOnly Date { get; init; }
        public long Users { get; init; }
        public long AiUsers { get; init; }
    }

    /// <summary>Per org of the slice, the span of its touched as-of dates.</summary>
    private IQueryable<TouchedAsOfSpan> Ranges() =>
        TouchedAsOfRange.SpansPerOrg(db.GetTable<TouchedAsOfRange>().Where(r => SqlFunctions.InRange(r.OrgId, firstOrg, lastOrg)));

    /// <summary>
    /// +1 where a user's (or AI user's) presence in W30 starts, -1 where it ends, summed per org and day. A user's AI
    /// days are a second series of that user (kind 1), so one LEAD over both series finds the next day of each day's
    /// kind, and the LEAD runs once: SQLite may inline a CTE that is used more than once, and SQL Server expands one at
    /// every reference, so spans read for starts, ends and AI ends were computed three times.
    /// </summary>
    private IQueryable<DayDelta> UserDeltas(IQueryable<TouchedAsOfSpan> ranges)
    {
        var userDays =
            from r in ranges
            join u in db.GetTable<IntOrgUserDaily>() on SqlFunctions.DrivingKey(r.OrgId) equals u.OrgId
            where SqlFunctions.OnOrAfter(u.ActivityDate, r.From, 1 - Windows.Days) && u.ActivityDate <= r.To
            select u;
        var days =
            userDays.Select(u => new { u.OrgId, u.UserId, u.ActivityDate, Kind = 0 })
                .Concat(userDays.Where(u => u.AiEventCount > 0).Select(u => new { u.OrgId, u.UserId, u.ActivityDate, Kind = 1 }))
                .AsCte("user_days");
        var ends =
            from s in (from d in days
                       select new
                       {
                           d.OrgId, d.Kind, Start = d.ActivityDate,
                           Next = Sql.Window.Lead((DateOnly?)d.ActivityDate, f => f.PartitionBy(d.OrgId, d.UserId, d.Kind).OrderBy(d.ActivityDate)),
                       }).AsSubQuery()
            let expires = SqlFunctions.AddDays(s.Start, Windows.Days)
            select new { s.OrgId, s.Kind, Date = s.Next != null && s.Next < expires ? s.Next.Value : expires };
        var deltas =
            days.Select(d => new { d.OrgId, Date = d.ActivityDate, Users = 1 - d.Kind, AiUsers = d.Kind })
                .Concat(ends.Select(e => new { e.OrgId, e.Date, Users = e.Kind - 1, AiUsers = -e.Kind }));
        return
            from d in deltas
            group d by new { d.OrgId, d.Date } into g
            select new DayDelta { OrgId = g.Key.OrgId, Date = g.Key.Date, Users = g.Sum(d => (long)d.Users), AiUsers = g.Sum(d => (long)d.AiUsers) };
    }

    public Task<List<WindowRow>> ReadAsync(CancellationToken ct)
    {
        var ranges = Ranges().AsCte("org_ranges");
        var deltas = UserDeltas(ranges).AsCte("user_deltas");
        var issueDays =
            (from r in ranges
             join i in db.GetTable<StgIssue>() on r.OrgId equals i.OrganizationId
             where SqlFunctions.OnOrAfter(i.CreatedDate, r.From, 1 - Windows.Days) && i.CreatedDate <= r.To
             group i by new { r.OrgId, i.CreatedDate } into g
             select new
             {
                 g.Key.OrgId,
                 Date = g.Key.CreatedDate!.Value,
                 Issues = g.Sum(i => 1L),
                 Urgent = g.Sum(i => i.IsUrgent ? 1L : 0L),
                 CsatUnits = g.Sum(i => i.CsatScore == null ? 0L : (long)Math.Round(i.CsatScore.Value * CsatUnit, 0, MidpointRounding.AwayFromZero)),
                 Rated = g.Sum(i => i.CsatScore != null ? 1L : 0L),
             }).AsCte("issue_days");

        // Every calendar day from 59 days before an org's first touched as-of date to its last: what its windows read.
        var dense =
            from r in ranges
            from c in db.GetTable<IntCalendarDate>().Where(c => SqlFunctions.OnOrAfter(c.Date, r.From, 1 - Windows.BothDays) && c.Date <= r.To)
            from d in db.GetTable<OrgDailyActivityRow>().Where(d => d.OrgId == r.OrgId && d.ActivityDate == c.Date).DefaultIfEmpty()
            from u in deltas.Where(u => u.OrgId == r.OrgId && u.Date == c.Date).DefaultIfEmpty()
            from i in issueDays.Where(i => i.OrgId == r.OrgId && i.Date == c.Date).DefaultIfEmpty()
            select new
            {
                r.OrgId, c.Date,
                // A day without a daily row contributes 0.
                Events = d.OrgId != null ? (long)d.TotalEventCount : 0L,
                AiEvents = d.OrgId != null ? (long)d.AiEvents : 0L,
                // Every daily row has at least one attributed event, system-level included.
                Active = d.OrgId != null ? 1L : 0L,
                AiActive = d.OrgId != null && d.AiEvents > 0 ? 1L : 0L,
                Users = SqlFunctions.ZeroIfNull(u.Users),
                AiUsers = SqlFunctions.ZeroIfNull(u.AiUsers),
                Issues = SqlFunctions.ZeroIfNull(i.Issues),
                Urgent = SqlFunctions.ZeroIfNull(i.Urgent),
                CsatUnits = SqlFunctions.ZeroIfNull(i.CsatUnits),
                Rated = SqlFunctions.ZeroIfNull(i.Rated),
            };

        var running =
            (from x in dense
             select new
             {
                 x.OrgId, x.Date,
                 Events = Sql.Window.Sum(x.Events, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 AiEvents = Sql.Window.Sum(x.AiEvents, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 Active = Sql.Window.Sum(x.Active, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 AiActive = Sql.Window.Sum(x.AiActive, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 Users = Sql.Window.Sum(x.Users, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 AiUsers = Sql.Window.Sum(x.AiUsers, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 Issues = Sql.Window.Sum(x.Issues, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 Urgent = Sql.Window.Sum(x.Urgent, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 CsatUnits = Sql.Window.Sum(x.CsatUnits, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 Rated = Sql.Window.Sum(x.Rated, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
             }).AsSubQuery();

        // A window's total is the running sum now minus the running sum 30 rows (days) before.
        var windows =
            (from x in running
             select new WindowRow
             {
                 OrgId = x.OrgId,
                 AsOfDate = x.Date,
                 Events30d = x.Events - Sql.Window.Lag(x.Events, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 EventsPrev30d = Sql.Window.Lag(x.Events, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date))
                                 - Sql.Window.Lag(x.Events, Windows.BothDays, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 AiEvents30d = x.AiEvents - Sql.Window.Lag(x.AiEvents, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 ActiveDays30d = x.Active - Sql.Window.Lag(x.Active, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 AiActiveDays30d = x.AiActive - Sql.Window.Lag(x.AiActive, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 ActiveUsers30d = x.Users,
                 AiUsers30d = x.AiUsers,
                 Issues30d = x.Issues - Sql.Window.Lag(x.Issues, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 UrgentIssues30d = x.Urgent - Sql.Window.Lag(x.Urgent, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 CsatUnits30d = x.CsatUnits - Sql.Window.Lag(x.CsatUnits, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
                 RatedIssues30d = x.Rated - Sql.Window.Lag(x.Rated, Windows.Days, 0L, f => f.PartitionBy(x.OrgId).OrderBy(x.Date)),
             }).AsSubQuery();

        var touched = db.GetTable<TouchedAsOfRange>();
        return (
                from w in windows
                join s in db.GetTable<IntOrgSpine>() on w.OrgId equals s.OrgId
                where w.AsOfDate >= s.StartDate && touched.Any(t => t.OrgId == w.OrgId && w.AsOfDate >= t.FromDate && w.AsOfDate <= t.ToDate)
                orderby w.OrgId, w.AsOfDate
                select w)
            .ToListAsync(ct);
    }

    /// <summary>Current pylon_users rows of each org (the same for every date).</summary>
    public Task<Dictionary<string, int>> OrgUserCountsAsync(CancellationToken ct) =>
        (from u in db.GetTable<StgUser>()
         where SqlFunctions.InRange(u.OrganizationId, firstOrg, lastOrg)
         group u by u.OrganizationId into g
         select new { OrgId = g.Key!, Users = g.Count() })
        .ToDictionaryAsync(x => x.OrgId, x => x.Users, StringComparer.Ordinal, ct);

    /// <summary>Each org's name, creation date and account: what both marts repeat on every row.</summary>
    public Task<Dictionary<string, OrgProfile>> ProfilesAsync(CancellationToken ct) =>
        (from s in db.GetTable<IntOrgSpine>()
         where SqlFunctions.InRange(s.OrgId, firstOrg, lastOrg)
         from o in db.GetTable<StgOrganization>().Where(o => o.Id == s.OrgId).DefaultIfEmpty()
         from a in db.GetTable<IntOrgAccount>().Where(a => a.OrgId == s.OrgId).DefaultIfEmpty()
         select new OrgProfile(s.OrgId, s.CreatedDate, o.Name, a.AccountName, a.Segment, a.Industry, a.SeatTier,
             a.CurrentArr, a.RenewalDate, a.OwnerEmail))
        .ToDictionaryAsync(p => p.OrgId, StringComparer.Ordinal, ct);
}

public sealed record OrgProfile(
    string OrgId, DateOnly? CreatedDate, string? OrgName, string? AccountName, string? Segment, string? Industry,
    string? SeatTier, decimal? CurrentArr, DateOnly? RenewalDate, string? OwnerEmail);
