using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Scoring;

using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Components.Pages.Orgs;

/// <summary>Who the org is: its Pylon organization and its Salesforce account (int_org_account).</summary>
public sealed record OrgHeader(
    string OrgId, string? Name, string? Domain, DateOnly? CreatedDate, string? AccountName, string? Segment, string? Industry,
    string? SeatTier, double? Arr, DateOnly? RenewalDate, string? OwnerEmail)
{
    public string DisplayName => OrgNames.Display(Name, AccountName, OrgId);
    public bool IsUnnamed => OrgNames.IsUnnamed(Name, AccountName);
    public bool IsPaying => Arr > 0;
}

/// <summary>One day of fct_org_daily_activity: events per category and unique users.</summary>
public sealed record OrgDay(DateOnly Date, int Total, int Issue, int Ai, int Frontend, int Kb, int Users)
{
    public int Other => Math.Max(0, Total - Issue - Ai - Frontend - Kb);
}

/// <summary>The three scores at one as-of date.</summary>
public sealed record OrgScorePoint(DateOnly Date, decimal Ai, decimal Health, decimal Readiness);

public sealed record OrgEventType(string Event, string? Category, int Count);

/// <summary>A user of the org with their activity in the 30 days up to the as-of date.</summary>
public sealed record OrgUser(string Id, string? Name, string? Email, int ActiveDays30d, int Events30d, int AiEvents30d, DateOnly? LastActive);

public sealed record OrgIssue(string Id, DateTimeOffset? CreatedAt, DateTimeOffset? ResolvedAt, string? Priority, decimal? Csat, bool IsUrgent);

/// <summary>Everything the org page shows.</summary>
public sealed record OrgPageData(
    OrgHeader Header, Scorecard? Scorecard, DateOnly WindowStart, DateOnly WindowEnd, int Days,
    IReadOnlyList<OrgDay> Activity, IReadOnlyList<OrgScorePoint> History, IReadOnlyList<OrgEventType> TopEvents,
    IReadOnlyList<OrgUser> Users, int UserCount, IReadOnlyList<OrgIssue> Issues)
{
    /// <summary>Days to renewal from the as-of date of the scores (or the end of the window when there are none).</summary>
    public int? DaysToRenewal => Header.RenewalDate is { } renewal ? renewal.DayNumber - WindowEnd.DayNumber : null;
}

/// <summary>
/// The org page's queries, each limited to one org (every table has an index leading with the org) and the
/// window; event types are grouped in the database on stg_product_events' (org_id, activity_date) index.
/// </summary>
public static class OrgQueries
{
    public static readonly IReadOnlyList<int> WindowChoices = [30, 90, 180, 365];
    public const int DefaultDays = 90;
    public const int TopEventCount = 10, IssueCount = 10, MaxUsers = 500;

    /// <summary>The org's page, or null when no organization or mart row has that id.</summary>
    public static async Task<OrgPageData?> LoadAsync(
        PortalDbContext db, string orgId, int days, ScoringOptions scoring, TimeProvider clock, CancellationToken ct = default)
    {
        var header = await HeaderAsync(db, orgId, ct);
        if (header is null) return null;

        var scorecard = await Scorecard.LoadAsync(db, orgId, null, scoring, ct);
        var end = scorecard?.Ai.AsOfDate
                  ?? await db.OrgDailyActivity.MaxAsync(d => (DateOnly?)d.ActivityDate, ct)
                  ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = end.AddDays(1 - days);

        var activity = await db.OrgDailyActivity.AsNoTracking()
            .Where(d => d.OrgId == orgId && d.ActivityDate >= start && d.ActivityDate <= end)
            .OrderBy(d => d.ActivityDate)
            .Select(d => new OrgDay(d.ActivityDate, d.TotalEventCount, d.IssueEvents, d.AiEvents, d.FrontendEvents, d.KbEvents, d.UniqueUserCount))
            .ToListAsync(ct);

        var history = await (
                from a in db.AiAdoption.AsNoTracking()
                join r in db.ReferenceReadiness.AsNoTracking() on new { a.OrgId, a.AsOfDate } equals new { r.OrgId, r.AsOfDate }
                where a.OrgId == orgId && a.AsOfDate >= start && a.AsOfDate <= end
                orderby a.AsOfDate
                select new OrgScorePoint(a.AsOfDate, a.EffectiveAiAdoptionScore, r.HealthScore, r.ReferenceReadinessScore))
            .ToListAsync(ct);

        var topEvents = await db.OrgEventDaily.AsNoTracking()
            .Where(e => e.OrgId == orgId && e.ActivityDate >= start && e.ActivityDate <= end)
            .Join(db.EventClassifications, e => e.EventId, n => n.Id, (e, n) => new { n.Event, n.Category, e.EventCount })
            .GroupBy(e => new { e.Event, e.Category })
            .Select(g => new { g.Key.Event, g.Key.Category, Count = g.Sum(e => e.EventCount) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Event)
            .Take(TopEventCount)
            .ToListAsync(ct);

        var (users, userCount) = await UsersAsync(db, orgId, end, ct);
        return new OrgPageData(header, scorecard, start, end, days, activity, history,
            topEvents.Select(e => new OrgEventType(e.Event, e.Category, e.Count)).ToList(),
            users, userCount, await RecentIssuesAsync(db, orgId, ct));
    }

    private static async Task<OrgHeader?> HeaderAsync(PortalDbContext db, string orgId, CancellationToken ct)
    {
        var org = await db.StgOrganizations.AsNoTracking().Where(o => o.Id == orgId)
            .Select(o => new { o.Name, o.Domain, o.CreatedDate }).FirstOrDefaultAsync(ct);
        // An org-X event attributes to X even when X is not in pylon_organizations: the spine has it.
        if (org is null && !await db.OrgSpine.AnyAsync(s => s.OrgId == orgId, ct)) return null;
        var account = await db.OrgAccounts.AsNoTracking().Where(a => a.OrgId == orgId).FirstOrDefaultAsync(ct);
        return new OrgHeader(orgId, org?.Name, org?.Domain, org?.CreatedDate, account?.AccountName, account?.Segment, account?.Industry,
            account?.SeatTier, account?.CurrentArr is { } arr ? (double)arr : null, account?.RenewalDate, account?.OwnerEmail);
    }

    /// <summary>The org's current users, most active in the last 30 days first, with their activity from int_org_user_daily.</summary>
    private static async Task<(IReadOnlyList<OrgUser> Users, int Count)> UsersAsync(PortalDbContext db, string orgId, DateOnly end, CancellationToken ct)
    {
        var from = end.AddDays(-29);
        var activity = db.OrgUserDaily
            .Where(d => d.OrgId == orgId && d.ActivityDate <= end)
            .GroupBy(d => d.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Days = g.Count(d => d.ActivityDate >= from),
                Events = g.Sum(d => d.ActivityDate >= from ? d.EventCount : 0),
                AiEvents = g.Sum(d => d.ActivityDate >= from ? d.AiEventCount : 0),
                Last = g.Max(d => (DateOnly?)d.ActivityDate),
            });
        // A left join: users without activity have no row in int_org_user_daily (the ! only quiets the compiler; SQL yields NULLs).
        var users = await (
                from u in db.StgUsers.AsNoTracking()
                where u.OrganizationId == orgId
                join a in activity on u.Id equals a.UserId into joined
                from a in joined.DefaultIfEmpty()
                select new { u.Id, u.Name, u.Email, Days = (int?)a!.Days, Events = (int?)a.Events, AiEvents = (int?)a.AiEvents, a.Last })
            .OrderByDescending(u => u.Events ?? 0).ThenBy(u => u.Name).ThenBy(u => u.Id)
            .Take(MaxUsers)
            .Select(u => new OrgUser(u.Id, u.Name, u.Email, u.Days ?? 0, u.Events ?? 0, u.AiEvents ?? 0, u.Last))
            .ToListAsync(ct);
        var count = users.Count < MaxUsers ? users.Count : await db.StgUsers.CountAsync(u => u.OrganizationId == orgId, ct);
        return (users, count);
    }

    /// <summary>
    /// The latest issues. Ordered by creation date in SQL (timestamps are not ordered in SQL on SQLite), then by
    /// time here among the few on or after the cut-off date.
    /// </summary>
    private static async Task<IReadOnlyList<OrgIssue>> RecentIssuesAsync(PortalDbContext db, string orgId, CancellationToken ct)
    {
        var issues = db.StgIssues.AsNoTracking().Where(i => i.OrganizationId == orgId && i.CreatedDate != null);
        var cutoff = await issues.OrderByDescending(i => i.CreatedDate).Select(i => i.CreatedDate).Skip(IssueCount - 1).FirstOrDefaultAsync(ct);
        if (cutoff is not null) issues = issues.Where(i => i.CreatedDate >= cutoff);
        var recent = await issues
            .Select(i => new OrgIssue(i.Id, i.CreatedAt, i.ResolvedAt, i.Priority, i.CsatScore, i.IsUrgent))
            .ToListAsync(ct);
        return recent.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Take(IssueCount).ToList();
    }
}
