using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Pages.Health;
using static PylonPortal.Web.Tests.Health.ScoresDatabase;

namespace PylonPortal.Web.Tests.Health;

/// <summary>
/// The health page rendered with bunit on a real SQLite database of 60 hand-made orgs: what the grid asks
/// for (sort, filters, page) reaches the query, and the rows it shows are the database's answer.
/// </summary>
public sealed class HealthGridTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly string[] Segments = ["SMB", "Mid-Market", "Enterprise"];

    /// <summary>Distinct health and ARR per org, so every order is unambiguous.</summary>
    private static readonly List<ReferenceReadinessRow> Rows = Enumerable.Range(1, 60).Select(i => Readiness($"org-{i:00}", Today, i * 37 % 61 * 1.5m, r =>
    {
        r.OrgName = $"Company {i:00}";
        r.AccountSegment = Segments[i % 3];
        r.CurrentArr = i * 13 % 61 * 1000;
        r.OwnerEmail = i % 4 == 0 ? "dev@localhost" : "alex.morgan@pylon-demo.com";
    })).ToList();

    private readonly BunitContext _ctx = new();
    private ScoresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CreateAsync([.. Rows, Readiness("org-01", Today.AddDays(-30), 50m)]);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_database.Factory);
        _ctx.Services.AddSingleton(new ScoringOptions());
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("Casey CSM");
        auth.SetClaims(new Claim("preferred_username", "dev@localhost"));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    private NavigationManager Navigation => _ctx.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void It_opens_on_page_one_with_the_worst_health_first()
    {
        var cut = Open("/health");

        cut.WaitForAssertion(() => Assert.Equal(Expected(Rows.OrderBy(r => r.HealthScore)).Take(25), Shown(cut)), Wait);
        Assert.Equal("1-25 of 60", PagerCaption(cut));
        Assert.Contains("mud-direction-asc", Header(cut, "Health").InnerHtml);
    }

    [Fact]
    public void Clicking_a_header_sorts_in_the_database_and_puts_the_sort_in_the_URL()
    {
        var cut = Open("/health");
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count), Wait);

        SortBy(cut, "ARR");
        cut.WaitForAssertion(() => Assert.Equal(Expected(Rows.OrderBy(r => r.CurrentArr)).Take(25), Shown(cut)), Wait);
        Assert.Contains("sort=arr", Navigation.Uri);

        SortBy(cut, "ARR");
        cut.WaitForAssertion(() => Assert.Equal(Expected(Rows.OrderByDescending(r => r.CurrentArr)).Take(25), Shown(cut)), Wait);
        Assert.Contains("dir=desc", Navigation.Uri);
    }

    [Fact]
    public void The_org_column_shared_by_the_score_grids_sorts_by_name_in_the_database()
    {
        var cut = Open("/health");
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count), Wait);

        SortBy(cut, "Org");

        cut.WaitForAssertion(() => Assert.Equal(Expected(Rows.OrderBy(r => r.OrgName, StringComparer.Ordinal)).Take(25), Shown(cut)), Wait);
        Assert.Contains("sort=org", Navigation.Uri);
        Assert.Contains("mud-direction-asc", Header(cut, "Org").InnerHtml);
    }

    [Fact]
    public void The_next_page_is_the_next_rows_of_the_same_order()
    {
        var cut = Open("/health");
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count), Wait);

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(Expected(Rows.OrderBy(r => r.HealthScore)).Skip(25).Take(25), Shown(cut)), Wait);
        Assert.Equal("26-50 of 60", PagerCaption(cut));
        Assert.Contains("page=2", Navigation.Uri);
    }

    [Fact]
    public void A_shared_link_opens_with_its_filter_sort_and_page()
    {
        var cut = Open("/health?band=Watch&sort=arr&dir=desc&page=2&size=10");

        var watch = Rows.Where(r => r.HealthBand == "Watch").ToList();
        cut.WaitForAssertion(() => Assert.Equal(Expected(watch.OrderByDescending(r => r.CurrentArr)).Skip(10).Take(10), Shown(cut)), Wait);
        Assert.Equal($"11-20 of {watch.Count}", PagerCaption(cut));
        Assert.Contains("mud-direction-desc", Header(cut, "ARR").InnerHtml);
    }

    [Fact]
    public void My_accounts_shows_only_the_signed_in_users_accounts()
    {
        var cut = Open("/health");
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count), Wait);

        cut.Find("#health-mine").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("mine=true", Navigation.Uri), Wait);
        var mine = Expected(Rows.Where(r => r.OwnerEmail == "dev@localhost").OrderBy(r => r.HealthScore));
        cut.WaitForAssertion(() => Assert.Equal(mine, Shown(cut)), Wait);
        Assert.Equal($"1-{mine.Count} of {mine.Count}", PagerCaption(cut));
    }

    [Fact]
    public void A_search_narrows_the_rows_and_starts_on_page_one()
    {
        var cut = Open("/health?page=2");
        cut.WaitForAssertion(() => Assert.Equal("26-50 of 60", PagerCaption(cut)), Wait);

        cut.Find("#health-search").Input("company 1");

        cut.WaitForAssertion(() => Assert.Contains("q=company%201", Navigation.Uri), Wait);
        Assert.DoesNotContain("page=", Navigation.Uri);
        var matching = Expected(Rows.Where(r => r.OrgName!.StartsWith("Company 1", StringComparison.Ordinal)).OrderBy(r => r.HealthScore));
        cut.WaitForAssertion(() => Assert.Equal(matching, Shown(cut)), Wait);
    }

    [Fact]
    public void The_export_form_carries_the_filters_and_sort_but_not_the_page()
    {
        var cut = Open("/health?band=Watch&segment=SMB&sort=arr&dir=desc&page=2&q=co");
        cut.WaitForAssertion(() => Assert.NotEmpty(Shown(cut)), Wait);

        var fields = cut.FindAll("#health-export input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));

        Assert.Equal("Watch", fields["band"]);
        Assert.Equal("SMB", fields["segment"]);
        Assert.Equal(("arr", "desc", "co"), (fields["sort"], fields["dir"], fields["q"]));
        Assert.Equal("2024-03-31", fields["date"]);
        Assert.False(fields.ContainsKey("page"));
        Assert.Equal("/export/health.csv", cut.Find("#health-export").GetAttribute("action"));
    }

    [Fact]
    public void Each_row_links_to_its_org_and_shows_its_change_and_band()
    {
        var cut = Open("/health?q=org-01");

        cut.WaitForAssertion(() => Assert.Equal(["Company 01"], Shown(cut)), Wait);
        // The link carries the listing it came from (with its filters), for the org page's back link.
        Assert.Equal("/orgs/org-01?from=health%3Fq%3Dorg-01", cut.Find(".org-link").GetAttribute("href"));
        Assert.Contains("+5.5", cut.Find(".health-change").TextContent); // 55.5 now, 50 thirty days earlier
        Assert.Equal("Watch", cut.Find(".band-chip").TextContent.Trim());
    }

    [Fact]
    public async Task Before_the_first_build_it_says_there_are_no_scores_yet()
    {
        await using var empty = await CreateAsync();
        _ctx.Services.AddSingleton(empty.Factory);
        var cut = Open("/health");

        cut.WaitForAssertion(() => Assert.Contains("No health scores yet", cut.Find("#health-empty").TextContent), Wait);
        Assert.Empty(cut.FindAll("#health-grid"));
        Assert.Empty(cut.FindAll(".mud-progress-linear")); // loaded: no "still loading" bar under the message
    }

    [Fact]
    public void A_failing_database_shows_a_message_instead_of_crashing()
    {
        // A file that was never migrated: every query fails.
        _ctx.Services.AddSingleton(new PortalDbFactory(DatabaseOptions.ForSqliteFile(Path.Combine(_database.Folder, "never-migrated.db"))));
        var cut = Open("/health");

        cut.WaitForAssertion(() => Assert.Contains("could not be loaded", cut.Find("#health-error").TextContent), Wait);
    }

    /// <summary>Renders the page as the interactive circuit does; services must be registered before.</summary>
    private IRenderedComponent<HealthPage> Open(string uri)
    {
        _ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Navigation.NavigateTo(uri);
        return _ctx.Render<HealthPage>();
    }

    private static List<string> Expected(IEnumerable<ReferenceReadinessRow> rows) => rows.Select(r => r.OrgName!).ToList();

    private static List<string> Shown(IRenderedComponent<HealthPage> cut) =>
        cut.FindAll("#health-grid .org-link").Select(a => a.TextContent.Trim()).ToList();

    private static string PagerCaption(IRenderedComponent<HealthPage> cut) =>
        cut.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

    private static IElement Header(IRenderedComponent<HealthPage> cut, string title) =>
        cut.FindAll("#health-grid th").Single(th => th.QuerySelector(".sortable-column-header")?.TextContent.Trim() == title);

    private static void SortBy(IRenderedComponent<HealthPage> cut, string title) =>
        Header(cut, title).QuerySelector(".sortable-column-header")!.Click();
}
