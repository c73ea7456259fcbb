using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Marts;

namespace PylonPortal.Analytics.Tests;

/// <summary>Every mart row as JSON without _loaded_at, sorted: two databases' marts compare equal or show the difference.</summary>
public static class MartSnapshot
{
    public static async Task<Dictionary<string, List<string>>> TakeAsync(TestDatabase db)
    {
        await using var c = db.Factory.Create();
        return new Dictionary<string, List<string>>
        {
            ["fct_org_daily_activity"] = Rows(await c.OrgDailyActivity.AsNoTracking().ToListAsync(), r => r.LoadedAt = default),
            ["int_org_user_daily"] = Rows(await c.OrgUserDaily.AsNoTracking().ToListAsync(), _ => { }),
            // By name: two databases may number the same names differently.
            ["int_org_event_daily"] = Rows(await c.OrgEventDaily.Join(c.EventClassifications, e => e.EventId, n => n.Id,
                (e, n) => new { e.OrgId, e.ActivityDate, n.Event, e.EventCount, e.UserEventCount }).ToListAsync(), _ => { }),
            ["int_segment_weekly_activity"] = Rows(await c.SegmentWeeklyActivity.AsNoTracking().ToListAsync(), _ => { }),
            ["int_segment_event_daily"] = Rows(await c.SegmentEventDaily.AsNoTracking().ToListAsync(), _ => { }),
            ["fct_customer_ai_adoption_30d"] = Rows(await c.AiAdoption.AsNoTracking().ToListAsync(), r => r.LoadedAt = default),
            ["fct_reference_readiness_30d"] = Rows(await c.ReferenceReadiness.AsNoTracking().ToListAsync(), r => r.LoadedAt = default),
        };
    }

    private static List<string> Rows<T>(List<T> rows, Action<T> withoutLoadedAt)
    {
        foreach (var row in rows) withoutLoadedAt(row);
        return rows.Select(r => JsonSerializer.Serialize(r)).Order(StringComparer.Ordinal).ToList();
    }

    public static void AssertEqual(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        foreach (var (mart, rows) in expected)
        {
            var other = actual[mart];
            var missing = rows.Except(other).Take(3).ToList();
            var extra = other.Except(rows).Take(3).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0 && rows.Count == other.Count,
                $"{mart}: expected {rows.Count} rows, got {other.Count}.\nMissing: {string.Join("\n", missing)}\nExtra: {string.Join("\n", extra)}");
        }
    }
}
