using Microsoft.EntityFrameworkCore;

namespace PylonPortal.Analytics.Tests;

public class SmokeTests
{
    [Fact]
    public async Task A_build_turns_one_event_into_one_daily_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.InsertAsync(Raw.Org("o1"));
        await db.InsertAsync(Raw.User("u1", "o1"));
        await db.InsertAsync(Raw.Event("e1", "issue:created", "u1", "2024-03-30T10:00:00Z"));

        var result = await db.BuildAsync();

        var rows = await db.ReadAsync(c => c.OrgDailyActivity.AsNoTracking());
        var row = Assert.Single(rows);
        Assert.Equal("o1", row.OrgId);
        Assert.Equal(1, row.TotalEventCount);
        Assert.NotEmpty(result.Checks);
    }
}
