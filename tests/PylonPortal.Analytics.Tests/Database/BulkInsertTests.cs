using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;

namespace PylonPortal.Analytics.Tests.Database;

public class BulkInsertTests
{
    [Fact]
    public async Task A_row_written_on_sqlite_reads_back_as_it_was_empty_text_and_nulls_included()
    {
        // Bound through SQLite's own API: an empty name stays '' (not NULL, as a null text pointer would bind), an
        // emoji survives the UTF-8 transcoding, and decimals, dates and timestamps come back through the converters.
        await using var db = await TestDatabase.CreateAsync();
        var row = new ReferenceReadinessRow
        {
            OrgId = "o1", AsOfDate = new DateOnly(2024, 3, 1), OrgName = "", SalesforceAccountName = "Acme \U0001F600",
            AccountSegment = null, Industry = "Retail", SeatTier = "", CurrentArr = 1234.5, IsPayingCustomer = true,
            OwnerEmail = "csm@example.com", LoadedAt = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero),
            Events30d = 508, EventsPrev30d = 480, ActiveDays30d = 22, ActiveUsers30d = 7, OrgUserCount = 7,
            AvgCsat30d = null, RenewalDate = new DateOnly(2024, 3, 24), DaysToRenewal = 23, TrendScore = 52.9m,
            UsageScore = 63.1m, HealthScore = 63.3m, HealthBand = "Watch", ReferenceReadinessScore = 71m, IsReferenceCandidate = false,
        };

        await using (var context = db.Factory.Create())
        using (var sql = context.Sql())
            Assert.Equal(1, await BulkInsert.RowsAsync(sql, [row], CancellationToken.None));

        var back = Assert.Single(await db.ReadAsync(c => c.ReferenceReadiness));
        Assert.All(typeof(ReferenceReadinessRow).GetProperties(), p => Assert.Equal(p.GetValue(row), p.GetValue(back)));
    }
}
