using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Web.Components.Pages.Overview;
using PylonPortal.Web.Tests.Health;
using static PylonPortal.Web.Tests.Changes.ChangeFixtures;
using static PylonPortal.Web.Tests.Health.ScoresDatabase;

namespace PylonPortal.Web.Tests.Overview;

/// <summary>The Overview's book of business with bunit on a real SQLite database: a CSM's own accounts first, everyone's on request.</summary>
public sealed class MyBookPanelTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string Me = "dev@localhost", Alex = "alex@example.com";
    private readonly BunitContext _ctx = new();
    private ScoresDatabase _database = null!;

    private static ReferenceReadinessRow Account(string org, string owner, double arr, decimal health, int? renewalIn = null) =>
        Readiness(org, Today, health, r =>
        {
            r.OwnerEmail = owner;
            r.CurrentArr = arr;
            r.SalesforceAccountName = $"{org} account";
            r.HealthBand = health >= 70 ? "Healthy" : health >= 40 ? "Watch" : "At Risk";
            r.DaysToRenewal = renewalIn;
            r.RenewalDate = renewalIn is { } d ? Today.AddDays(d) : null;
        });

    public async Task InitializeAsync()
    {
        _database = await CreateAsync(
            Account("mine-risky", Me, 100_000, 30m, renewalIn: 40),
            Account("mine-fine", Me, 50_000, 80m, renewalIn: 10),
            Account("alex-risky", Alex, 400_000, 20m, renewalIn: 5));
        await using (var context = _database.Factory.Create())
        {
            var older = Change("mine-fine", ChangeKinds.BandChange, Today, owner: Me);
            var newer = Change("mine-risky", ChangeKinds.HealthDrop, Today, owner: Me);
            newer.DetectedAt = older.DetectedAt.AddHours(1);
            context.ScoreChanges.AddRange(older, newer, Change("alex-risky", ChangeKinds.EnteredRisk, Today, owner: Alex),
                Change("mine-risky", ChangeKinds.Inactive, Today.AddDays(-1), owner: Me));
            context.ScoreChangeRuns.Add(new ScoreChangeRun { RunId = 1, AsOfDate = Today, ComparedWith = Today.AddDays(-1), Changes = 3 });
            await context.SaveChangesAsync();
        }
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_database.Factory);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<MyBookPanel> Open(string uri, params string[] roles)
    {
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("Casey CSM");
        auth.SetRoles(roles);
        auth.SetClaims(new Claim("preferred_username", Me));
        _ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var cut = _ctx.Render<MyBookPanel>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#my-book-arr")), Wait);
        return cut;
    }

    private static string Kpi(IRenderedComponent<MyBookPanel> cut, string id) => cut.Find($"#{id} [data-testid=kpi-value]").TextContent.Trim();

    private static List<string> ChangedOrgs(IRenderedComponent<MyBookPanel> cut) =>
        cut.FindAll("#my-book-changes tr.change-row").Select(r => r.GetAttribute("data-org")!).ToList();

    [Fact]
    public void A_CSM_opens_on_their_own_accounts_with_their_latest_changes_newest_first_and_next_renewals()
    {
        var cut = Open("/", "CS");

        Assert.Equal(Me, cut.Find("#my-book").GetAttribute("data-owner"));
        Assert.Equal("150k", Kpi(cut, "my-book-arr"));
        Assert.Equal("100k", Kpi(cut, "my-book-at-risk"));
        Assert.Equal(["mine-risky", "mine-fine"], ChangedOrgs(cut)); // not yesterday's inactive change, not Alex's
        Assert.Equal("/orgs/mine-risky", cut.Find("#my-book-changes a.org-link").GetAttribute("href"));
        Assert.Equal(["mine-fine account", "mine-risky account"], cut.FindAll("#my-book-renewals tbody tr a").Select(a => a.TextContent));
    }

    [Fact]
    public void The_all_switch_shows_everyones_book()
    {
        var cut = Open("/?book=all", "CS");

        Assert.Equal("550k", Kpi(cut, "my-book-arr"));
        Assert.Equal(3, ChangedOrgs(cut).Count);
    }

    [Fact]
    public void An_Admin_sees_the_book_of_the_owner_they_pick()
    {
        var cut = Open($"/?book={Alex}", "Admin");

        Assert.Equal("400k", Kpi(cut, "my-book-arr"));
        Assert.Equal(["alex-risky"], ChangedOrgs(cut));
    }

    [Fact]
    public void A_CSM_asking_for_another_owners_book_gets_their_own()
    {
        Assert.Equal("150k", Kpi(Open($"/?book={Alex}", "CS"), "my-book-arr"));
    }
}
