using System.Reflection;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Pages.Health;
using PylonPortal.Web.Components.Shared;
using static PylonPortal.Web.Tests.Health.ScoresDatabase;

namespace PylonPortal.Web.Tests.Health;

/// <summary>HealthQuery on hand-made rows: five orgs at the latest date, some of them also 30 days earlier.</summary>
public sealed class HealthQueryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);
    private static readonly DateOnly MonthBefore = Today.AddDays(-30);

    private ScoresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CreateAsync(
        Readiness("org-a", Today, 82.0m, r => Set(r, "Acme Corp", "Enterprise", 300_000, "dev@localhost", 190, usage: 90, engagement: 70, support: 60, renewal: 100, trend: 80, sentiment: 75)),
        Readiness("org-a", MonthBefore, 75.0m),
        Readiness("org-a", Today.AddDays(-1), 81.0m),
        Readiness("org-b", Today, 45.0m, r => Set(r, "Beta LLC", "SMB", 12_000, "Alex.Morgan@Pylon-Demo.com", 20, usage: 40, engagement: 55, support: 30, renewal: 20, trend: 10, sentiment: 50)),
        Readiness("org-b", MonthBefore, 60.0m),
        Readiness("org-c", Today, 20.0m, r => Set(r, "=HYPERLINK(\"x\")", "Mid-Market", null, null, null, usage: 10, engagement: 20, support: 90, renewal: 50, trend: 50, sentiment: 95)),
        Readiness("org-d", Today, 65.0m, r => Set(r, "Delta 100%", "SMB", 50_000, "dev@localhost", -5, usage: 60, engagement: 80, support: 45, renewal: 0, trend: 65, sentiment: 40)),
        Readiness("org-d", MonthBefore, 65.0m),
        Readiness("org-e", Today, 90.0m, r =>
        {
            Set(r, null, "Enterprise", 250_000, "priya.shah@pylon-demo.com", 400, usage: 95, engagement: 90, support: 70, renewal: 100, trend: 90, sentiment: 80);
            r.SalesforceAccountName = "Echo Account";
        }),
        Readiness("org-e", MonthBefore, 80.0m),
        Readiness("org-g", Today, 55.0m, r => Set(r, "Gamma 1000", "Mid-Market", 75_000, null, 60, usage: 50, engagement: 35, support: 65, renewal: 40, trend: 55, sentiment: 60)),
        Readiness("org-f", MonthBefore, 50.0m));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_latest_date_is_used_when_none_is_asked_for()
    {
        var page = await PageAsync(new HealthRequest());

        Assert.Equal(Today, page.AsOf);
        Assert.Equal(6, page.TotalCount);
        Assert.DoesNotContain(page.Rows, r => r.OrgId == "org-f");
        Assert.Equal(82.0m, page.Rows.Single(r => r.OrgId == "org-a").Health);
    }

    [Fact]
    public async Task A_minimum_ARR_keeps_the_accounts_at_or_above_it_and_never_those_without_ARR()
    {
        var request = new HealthRequest { MinArr = 75_000 };

        var page = await PageAsync(request);

        Assert.Equal(["org-a", "org-e", "org-g"], page.Rows.Select(r => r.OrgId).Order());
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(request, HealthQueryString.Parse(name => HealthQueryString.Format(request)[name]?.ToString(), null));
    }

    [Fact]
    public async Task An_earlier_date_shows_that_date()
    {
        var page = await PageAsync(new HealthRequest { AsOf = MonthBefore });

        Assert.Equal(["org-a", "org-b", "org-d", "org-e", "org-f"], page.Rows.Select(r => r.OrgId).Order());
    }

    [Fact]
    public async Task The_change_compares_with_30_days_earlier_and_is_null_without_an_earlier_row()
    {
        var rows = (await PageAsync(new HealthRequest())).Rows.ToDictionary(r => r.OrgId);

        Assert.Equal(7.0m, rows["org-a"].Change);
        Assert.Equal(-15.0m, rows["org-b"].Change);
        Assert.Null(rows["org-c"].Change);
        Assert.Equal(0m, rows["org-d"].Change);
        Assert.Equal(10.0m, rows["org-e"].Change);
        Assert.Null(rows["org-g"].Change);
    }

    [Fact]
    public async Task A_row_shows_its_name_or_else_its_account_name_and_its_components()
    {
        var rows = (await PageAsync(new HealthRequest())).Rows.ToDictionary(r => r.OrgId);

        Assert.Equal("Echo Account", rows["org-e"].Org);
        Assert.Equal("Acme Corp", rows["org-a"].Org);
        var a = rows["org-a"];
        Assert.Equal((90m, 70m, 60m, 100m, 80m, 75m), (a.Usage, a.Engagement, a.Support, a.Renewal, a.Trend, a.Sentiment));
        Assert.Equal((190, Today.AddDays(190)), (a.DaysToRenewal, a.RenewalDate));
        Assert.Equal((300_000d, "Enterprise", "Healthy", "dev@localhost"), (a.Arr, a.Segment, a.Band, a.Owner));
    }

    [Theory]
    [InlineData("Watch", new[] { "org-b", "org-d", "org-g" })]
    [InlineData("Healthy", new[] { "org-a", "org-e" })]
    [InlineData("At Risk", new[] { "org-c" })]
    public async Task Band_filters(string band, string[] expected) =>
        Assert.Equal(expected, await MatchingAsync(new HealthRequest { Band = band }));

    [Theory]
    [InlineData("SMB", new[] { "org-b", "org-d" })]
    [InlineData("Enterprise", new[] { "org-a", "org-e" })]
    [InlineData("Nonexistent", new string[0])]
    public async Task Segment_filters(string segment, string[] expected) =>
        Assert.Equal(expected, await MatchingAsync(new HealthRequest { Segment = segment }));

    [Fact]
    public async Task My_accounts_are_the_ones_the_signed_in_user_owns_whatever_the_case_of_the_email()
    {
        Assert.Equal(["org-a", "org-d"], await MatchingAsync(new HealthRequest { MyAccounts = true, UserEmail = "Dev@LocalHost" }));
        Assert.Equal(["org-b"], await MatchingAsync(new HealthRequest { MyAccounts = true, UserEmail = "alex.morgan@pylon-demo.com" }));
    }

    [Fact]
    public async Task My_accounts_without_an_email_is_empty_and_off_shows_everyone()
    {
        Assert.Empty(await MatchingAsync(new HealthRequest { MyAccounts = true, UserEmail = null }));
        Assert.Equal(6, (await MatchingAsync(new HealthRequest { MyAccounts = false, UserEmail = "dev@localhost" })).Length);
    }

    [Theory]
    [InlineData("acme", new[] { "org-a" })]
    [InlineData("ECHO", new[] { "org-e" })]
    [InlineData("100%", new[] { "org-d" })]
    [InlineData("a_m", new string[0])]
    [InlineData("org-c", new[] { "org-c" })]
    [InlineData("  gamma ", new[] { "org-g" })]
    public async Task Search_matches_part_of_a_name_literally_or_the_exact_org_id(string search, string[] expected) =>
        Assert.Equal(expected, await MatchingAsync(new HealthRequest { Search = search }));

    [Fact]
    public async Task Filters_combine()
    {
        Assert.Equal(["org-d"], await MatchingAsync(new HealthRequest { Band = "Watch", Segment = "SMB", MyAccounts = true, UserEmail = "dev@localhost" }));
        Assert.Equal(["org-d"], await MatchingAsync(new HealthRequest { Band = "Watch", Search = "delta" }));
    }

    public static TheoryData<HealthColumn, bool> EverySort()
    {
        var data = new TheoryData<HealthColumn, bool>();
        foreach (var column in Enum.GetValues<HealthColumn>())
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EverySort))]
    public async Task Every_column_sorts_both_ways_with_missing_values_last_and_ties_by_org_id(HealthColumn column, bool descending)
    {
        var rows = (await PageAsync(new HealthRequest { SortBy = column, Descending = descending, PageSize = 100 })).Rows;

        var property = typeof(HealthRow).GetProperty(column.ToString(), BindingFlags.Public | BindingFlags.Instance)!;
        object? Key(HealthRow r) => property.GetValue(r);
        var comparer = Comparer<object?>.Create((x, y) => x is string a && y is string b ? string.CompareOrdinal(a, b) : Comparer<object?>.Default.Compare(x, y));
        var byKey = rows.OrderBy(r => Key(r) is null);
        var expected = (descending ? byKey.ThenByDescending(Key, comparer) : byKey.ThenBy(Key, comparer)).ThenBy(r => r.OrgId, StringComparer.Ordinal);
        Assert.Equal(6, rows.Count);
        Assert.Equal(expected.Select(r => r.OrgId), rows.Select(r => r.OrgId));
    }

    [Theory]
    [InlineData(HealthColumn.Health, false, "org-c")]
    [InlineData(HealthColumn.Health, true, "org-e")]
    [InlineData(HealthColumn.Arr, true, "org-a")]
    [InlineData(HealthColumn.Arr, false, "org-b")]
    [InlineData(HealthColumn.Change, false, "org-b")]
    [InlineData(HealthColumn.Change, true, "org-e")]
    [InlineData(HealthColumn.DaysToRenewal, false, "org-d")]
    [InlineData(HealthColumn.Org, false, "org-c")]
    public async Task The_first_row_of_a_sort_is_the_one_a_reader_expects(HealthColumn column, bool descending, string first) =>
        Assert.Equal(first, (await OrgIdsAsync(new HealthRequest { SortBy = column, Descending = descending }))[0]);

    [Fact]
    public async Task Missing_values_come_last_in_both_directions()
    {
        Assert.Equal(["org-c", "org-g"], (await OrgIdsAsync(new HealthRequest { SortBy = HealthColumn.Change }))[^2..].Order());
        Assert.Equal(["org-c", "org-g"], (await OrgIdsAsync(new HealthRequest { SortBy = HealthColumn.Change, Descending = true }))[^2..].Order());
        Assert.Equal("org-c", (await OrgIdsAsync(new HealthRequest { SortBy = HealthColumn.Arr, Descending = true }))[^1]);
    }

    [Fact]
    public async Task Pages_split_the_sorted_rows_without_overlap_and_count_them_all()
    {
        var all = await OrgIdsAsync(new HealthRequest { SortBy = HealthColumn.Usage, PageSize = 100 });
        var pages = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var result = await PageAsync(new HealthRequest { SortBy = HealthColumn.Usage, Page = page, PageSize = 4 });
            Assert.Equal(6, result.TotalCount);
            pages.AddRange(result.Rows.Select(r => r.OrgId));
        }
        Assert.Equal(all, pages);
        Assert.Equal(4, (await PageAsync(new HealthRequest { SortBy = HealthColumn.Usage, PageSize = 4 })).Rows.Count);
        Assert.Equal(2, (await PageAsync(new HealthRequest { SortBy = HealthColumn.Usage, Page = 1, PageSize = 4 })).Rows.Count);
    }

    [Fact]
    public async Task The_count_follows_the_filters_not_the_page()
    {
        var page = await PageAsync(new HealthRequest { Band = "Watch", PageSize = 1, Page = 1 });

        Assert.Equal(3, page.TotalCount);
        Assert.Single(page.Rows);
    }

    [Fact]
    public async Task The_export_stream_has_every_matching_row_in_the_page_order()
    {
        var request = new HealthRequest { Band = "Watch", SortBy = HealthColumn.Arr, Descending = true, PageSize = 1 };
        await using var db = _database.Factory.Create();
        var streamed = new List<string>();
        await foreach (var row in HealthQuery.AllAsync(db, request)) streamed.Add(row.OrgId);

        Assert.Equal(["org-g", "org-d", "org-b"], streamed);
    }

    [Fact]
    public async Task An_empty_mart_gives_an_empty_page()
    {
        await using var empty = await CreateAsync();
        await using var db = empty.Factory.Create();

        var page = await HealthQuery.PageAsync(db, new HealthRequest());

        Assert.Equal((0, null), (page.TotalCount, page.AsOf));
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Every_sort_and_filter_translates_to_SQL_Server_with_paging_in_the_database()
    {
        // The offline connection records the T-SQL EF sends, answering reads with no rows. PageAsync is this query, paged.
        var offline = new OfflineSqlServerConnection();
        var factory = new PortalDbFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, () => offline);
        foreach (var column in Enum.GetValues<HealthColumn>())
        {
            await using var db = factory.Create();
            var request = new HealthRequest
            {
                SortBy = column, Band = "Watch", Segment = "SMB", MyAccounts = true, UserEmail = "dev@localhost", Search = "a%",
            };
            await HealthQuery.Query(db, request, Today).PageAsync(page: 2, pageSize: 25, CancellationToken.None);
        }

        var pages = offline.Statements.Where(s => s.Sql.Contains("OFFSET", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enum.GetValues<HealthColumn>().Length, pages.Count);
        Assert.All(pages, s => Assert.Contains("LEFT JOIN", s.Sql, StringComparison.Ordinal));
        Assert.All(pages, s => Assert.Contains("ESCAPE N'\\'", s.Sql, StringComparison.Ordinal));
        Assert.All(pages, s => Assert.Contains("FETCH NEXT", s.Sql, StringComparison.Ordinal));
    }

    private async Task<PagedRows<HealthRow>> PageAsync(HealthRequest request)
    {
        await using var db = _database.Factory.Create();
        return await HealthQuery.PageAsync(db, request);
    }

    /// <summary>The org ids of every matching row, in the query's order.</summary>
    private async Task<string[]> OrgIdsAsync(HealthRequest request) =>
        (await PageAsync(request with { PageSize = 100 })).Rows.Select(r => r.OrgId).ToArray();

    /// <summary>The org ids of every matching row, in id order: for filters, whatever the sort.</summary>
    private async Task<string[]> MatchingAsync(HealthRequest request) =>
        (await OrgIdsAsync(request)).Order(StringComparer.Ordinal).ToArray();

    private static void Set(ReferenceReadinessRow r, string? name, string segment, double? arr, string? owner, int? daysToRenewal,
        decimal usage, decimal engagement, decimal support, decimal renewal, decimal trend, decimal sentiment)
    {
        r.OrgName = name;
        r.AccountSegment = segment;
        r.CurrentArr = arr;
        r.OwnerEmail = owner;
        r.DaysToRenewal = daysToRenewal;
        r.RenewalDate = daysToRenewal is { } days ? Today.AddDays(days) : null;
        (r.UsageScore, r.EngagementScore, r.SupportScore, r.RenewalScore, r.TrendScore, r.SentimentScore) = (usage, engagement, support, renewal, trend, sentiment);
    }
}
