using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Quality;
using static PylonPortal.Analytics.Tests.Raw;

namespace PylonPortal.Analytics.Tests.Pipeline;

/// <summary>An incremental build checks only the rows it wrote (DESIGN section 6): its touched as-of ranges.</summary>
public class CheckScopeTests
{
    [Fact]
    public async Task An_incremental_builds_checks_read_every_touched_as_of_row_once_and_no_other()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Org("o1", "Acme"), Org("o2", "Beta"));
        await db.InsertAsync(User("u1", "o1"), User("u2", "o2"));
        await db.InsertAsync(Enumerable.Range(0, 10).SelectMany(day => new[]
        {
            Event($"e1-{day}", "issue:created", "u1", $"2024-03-{10 + day}T09:00:00Z"),
            Event($"e2-{day}", "issue:created", "u2", $"2024-03-{10 + day}T09:00:00Z"),
        }).ToArray());
        await db.BuildAsync();

        await using var context = db.Factory.Create();
        await using var sql = context.Sql();
        var readiness = sql.GetTable<ReferenceReadinessRow>();
        // Three rows out of range: o1 on the 14th (inside both touched ranges below), o1 on the 18th (outside them),
        // and o2 on the 14th (an org not touched).
        foreach (var (org, date) in new[] { ("o1", new DateOnly(2024, 3, 14)), ("o1", new DateOnly(2024, 3, 18)), ("o2", new DateOnly(2024, 3, 14)) })
            await readiness.Where(r => r.OrgId == org && r.AsOfDate == date).Set(r => r.HealthScore, 150m).UpdateAsync();
        var touched = sql.GetTable<TouchedAsOfRange>();
        await touched.DeleteAsync();
        // Two overlapping ranges of o1, as two recomputed activity dates give.
        await sql.InsertAsync(new TouchedAsOfRange { OrgId = "o1", FromDate = new(2024, 3, 12), ToDate = new(2024, 3, 15) });
        await sql.InsertAsync(new TouchedAsOfRange { OrgId = "o1", FromDate = new(2024, 3, 14), ToDate = new(2024, 3, 16) });

        var inRange = DataQualityChecks.All.Single(c => c.Name == "readiness_scores_in_range");
        var noDuplicates = DataQualityChecks.All.Single(c => c.Name == "readiness_no_duplicate_keys");
        var today = new DateOnly(2024, 3, 31);

        Assert.Equal(1, (await inRange.RunAsync(new CheckScope(sql, RowsWrittenOnly: true), today)).FailingRows);
        Assert.Equal(0, (await noDuplicates.RunAsync(new CheckScope(sql, RowsWrittenOnly: true), today)).FailingRows);
        Assert.Equal(3, (await inRange.RunAsync(new CheckScope(sql, RowsWrittenOnly: false), today)).FailingRows);
        // The scope holds the five touched dates of o1, each once.
        Assert.Equal(5, await new CheckScope(sql, RowsWrittenOnly: true).AsOfRows<ReferenceReadinessRow>().LongCountAsync());
    }
}
