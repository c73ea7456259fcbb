using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Pages.References;
using PylonPortal.Web.Components.Shared;
using PylonPortal.Web.Tests.Health;
using static PylonPortal.Web.Tests.Health.ScoresDatabase;

namespace PylonPortal.Web.Tests.References;

/// <summary>ReferencesQuery on hand-made rows: two candidates and three orgs that are not.</summary>
public sealed class ReferencesQueryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);

    private ScoresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CreateAsync(
        Readiness("r1", Today, 80m, r => Set(r, readiness: 85m, candidate: true, "Enterprise", "Software", 200_000)),
        Readiness("r2", Today, 75m, r => Set(r, readiness: 72m, candidate: true, "SMB", "Retail", 40_000)),
        Readiness("r3", Today, 72m, r => Set(r, readiness: 65m, candidate: false, "SMB", "Software", 30_000)),
        Readiness("r4", Today, 50m, r => Set(r, readiness: 50m, candidate: false, "SMB", "Software", 10_000)),
        Readiness("r5", Today, 85m, r => Set(r, readiness: 75m, candidate: false, "Enterprise", "Retail", null)),
        Readiness("r1", Today.AddDays(-1), 80m, r => Set(r, readiness: 99m, candidate: true, "Enterprise", "Software", 200_000)),
        AiAdoption("r1", Today, 60m),
        AiAdoption("r2", Today.AddDays(-1), 90m),
        AiAdoption("r3", Today, 30m),
        AiAdoption("r5", Today, 45.5m));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Candidates_are_ranked_by_readiness_best_first()
    {
        var page = await PageAsync(new ReferencesRequest());

        Assert.Equal(Today, page.AsOf);
        Assert.Equal(["r1", "r2"], page.Rows.Select(r => r.OrgId));
        Assert.All(page.Rows, r => Assert.True(r.IsCandidate));
    }

    [Theory]
    [InlineData(60, new[] { "r1", "r5", "r2", "r3" })]
    [InlineData(70, new[] { "r1", "r5", "r2" })]
    [InlineData(0, new[] { "r1", "r5", "r2", "r3", "r4" })]
    public async Task Non_candidates_above_the_threshold_can_be_included(int threshold, string[] expected) =>
        Assert.Equal(expected, await OrgIdsAsync(new ReferencesRequest { IncludeNonCandidates = true, MinReadiness = threshold }));

    [Fact]
    public async Task Segment_and_industry_filter()
    {
        Assert.Equal(["r2"], await OrgIdsAsync(new ReferencesRequest { Segment = "SMB" }));
        Assert.Equal(["r1"], await OrgIdsAsync(new ReferencesRequest { Industry = "Software" }));
        Assert.Equal(["r3", "r4"], await OrgIdsAsync(new ReferencesRequest { Segment = "SMB", Industry = "Software", IncludeNonCandidates = true, MinReadiness = 0 }));
    }

    [Fact]
    public async Task An_AI_adoption_minimum_keeps_the_orgs_that_reach_it_on_the_date_and_counts_only_them()
    {
        var request = new ReferencesRequest { IncludeNonCandidates = true, MinReadiness = 0, MinAiAdoption = 45.5m };

        // r2's 90 is from the day before, and r4 has no AI adoption row: neither qualifies.
        Assert.Equal(["r1", "r5"], await OrgIdsAsync(request));
        Assert.Equal(2, (await PageAsync(request)).TotalCount);
        Assert.Equal(request, ReferencesQueryString.Parse(name => ReferencesQueryString.Format(request)[name]?.ToString()));
    }

    [Fact]
    public async Task AI_adoption_comes_from_the_same_org_and_date_or_is_missing()
    {
        var rows = (await PageAsync(new ReferencesRequest { IncludeNonCandidates = true, MinReadiness = 0 })).Rows.ToDictionary(r => r.OrgId);

        Assert.Equal(60m, rows["r1"].AiAdoption);
        Assert.Null(rows["r2"].AiAdoption);
        Assert.Equal(45.5m, rows["r5"].AiAdoption);
        Assert.Equal((85m, 80m, "Healthy", 200_000d, "Enterprise", "Software"),
            (rows["r1"].Readiness, rows["r1"].Health, rows["r1"].Band, rows["r1"].Arr, rows["r1"].Segment, rows["r1"].Industry));
    }

    [Theory]
    [InlineData(ReferencesColumn.AiAdoption, true, new[] { "r1", "r5", "r3", "r2", "r4" })]
    [InlineData(ReferencesColumn.AiAdoption, false, new[] { "r3", "r5", "r1", "r2", "r4" })]
    [InlineData(ReferencesColumn.Arr, true, new[] { "r1", "r2", "r3", "r4", "r5" })]
    [InlineData(ReferencesColumn.Health, false, new[] { "r4", "r3", "r2", "r1", "r5" })]
    [InlineData(ReferencesColumn.Readiness, false, new[] { "r4", "r3", "r2", "r5", "r1" })]
    [InlineData(ReferencesColumn.Size, true, new[] { "r1", "r2", "r3", "r4", "r5" })]
    [InlineData(ReferencesColumn.Segment, false, new[] { "r1", "r5", "r2", "r3", "r4" })]
    public async Task Columns_sort_with_missing_values_last(ReferencesColumn column, bool descending, string[] expected) =>
        Assert.Equal(expected, await OrgIdsAsync(new ReferencesRequest { IncludeNonCandidates = true, MinReadiness = 0, SortBy = column, Descending = descending }));

    [Fact]
    public async Task Pages_and_count()
    {
        var request = new ReferencesRequest { IncludeNonCandidates = true, MinReadiness = 0, PageSize = 2 };
        var second = await PageAsync(request with { Page = 1 });

        Assert.Equal(5, second.TotalCount);
        Assert.Equal(["r2", "r3"], second.Rows.Select(r => r.OrgId));
    }

    [Fact]
    public async Task Every_sort_translates_to_SQL_Server_with_paging_in_the_database()
    {
        var offline = new OfflineSqlServerConnection();
        var factory = new PortalDbFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, () => offline);
        foreach (var column in Enum.GetValues<ReferencesColumn>())
        {
            await using var db = factory.Create();
            var request = new ReferencesRequest { SortBy = column, Segment = "SMB", Industry = "Retail", IncludeNonCandidates = true };
            await ReferencesQuery.Query(db, request, Today).PageAsync(page: 1, pageSize: 25, CancellationToken.None);
        }

        var pages = offline.Statements.Where(s => s.Sql.Contains("OFFSET", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enum.GetValues<ReferencesColumn>().Length, pages.Count);
        Assert.All(pages, s => Assert.Contains("LEFT JOIN", s.Sql, StringComparison.Ordinal));
        Assert.All(pages, s => Assert.Contains("FROM [marts].[fct_customer_ai_adoption_30d]", s.Sql, StringComparison.Ordinal));
    }

    private async Task<PagedRows<ReferenceRow>> PageAsync(ReferencesRequest request)
    {
        await using var db = _database.Factory.Create();
        return await ReferencesQuery.PageAsync(db, request);
    }

    private async Task<string[]> OrgIdsAsync(ReferencesRequest request) =>
        (await PageAsync(request with { PageSize = 100 })).Rows.Select(r => r.OrgId).ToArray();

    private static void Set(ReferenceReadinessRow r, decimal readiness, bool candidate, string segment, string industry, double? arr)
    {
        r.ReferenceReadinessScore = readiness;
        r.IsReferenceCandidate = candidate;
        r.AccountSegment = segment;
        r.Industry = industry;
        r.CurrentArr = arr;
        r.SizeScore = arr is { } a ? (decimal)Math.Min(100, a / 2_500) : 0m;
        r.TenureScore = 50m;
    }
}
