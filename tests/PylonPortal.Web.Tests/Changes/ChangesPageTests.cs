using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Web.Components.Pages.Changes;
using PylonPortal.Web.Tests.Shared;
using static PylonPortal.Web.Tests.Changes.ChangeFixtures;

namespace PylonPortal.Web.Tests.Changes;

/// <summary>The changes page with bunit on a real SQLite database of stored changes: filters from the URL reach the query.</summary>
public sealed class ChangesPageTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly BunitContext _ctx = new();
    private ScratchDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        await _database.AddAsync(
            Change("big-drop", ChangeKinds.HealthDrop, Today, arr: 250_000),
            Change("small-band", ChangeKinds.BandChange, Today.AddDays(-1), arr: 20_000, segment: "SMB", componentPoints: -0.03m),
            Change("other-owner", ChangeKinds.BandChange, Today, owner: "alex@example.com"),
            Change("long-ago", ChangeKinds.HealthDrop, Today.AddDays(-30)));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_database.Factory);
        _ctx.AddAuthorization().SetAuthorized("Casey CSM");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<ChangesPage> Open(string uri)
    {
        _ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return _ctx.Render<ChangesPage>();
    }

    private static List<string> Shown(IRenderedComponent<ChangesPage> cut) =>
        cut.FindAll("tr.change-row").Select(r => r.GetAttribute("data-org")!).ToList();

    [Fact]
    public void It_lists_the_last_30_days_newest_first_with_why_each_moved()
    {
        var cut = Open("/changes");

        cut.WaitForAssertion(() => Assert.Equal(["other-owner", "big-drop", "small-band"], Shown(cut)), Wait);
        var row = cut.Find("tr.change-row[data-org='big-drop']");
        Assert.Contains("Health dropped", row.TextContent);
        Assert.Contains("Usage", row.TextContent);
        Assert.Contains("-12.5 pts", row.TextContent);
        Assert.Equal("/orgs/big-drop", row.QuerySelector("a.org-link")!.GetAttribute("href"));
        // A band can flip on a move of hundredths: it still reads as a move, with its sign.
        Assert.Contains("-0.03 pts", cut.Find("tr.change-row[data-org='small-band']").TextContent);
    }

    [Fact]
    public void Kind_owner_segment_and_minimum_ARR_come_from_the_URL()
    {
        Assert.Equal(["big-drop"], Shown(WaitLoaded(Open($"/changes?kind={ChangeKinds.HealthDrop}&owner=dev@localhost&minarr=100000"))));
        Assert.Equal(["small-band"], Shown(WaitLoaded(Open("/changes?segment=SMB"))));
    }

    [Fact]
    public void An_unreadable_filter_falls_back_to_its_default()
    {
        var cut = WaitLoaded(Open("/changes?kind=nonsense&minarr=-5"));

        Assert.Equal(3, Shown(cut).Count);
    }

    [Fact]
    public void The_export_form_carries_the_filters()
    {
        var cut = WaitLoaded(Open("/changes?kind=band_change&minarr=5000"));

        var fields = cut.FindAll("#changes-export input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Equal("band_change", fields["kind"]);
        Assert.Equal("5000", fields["minarr"]);
    }

    private static IRenderedComponent<ChangesPage> WaitLoaded(IRenderedComponent<ChangesPage> cut)
    {
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("#changes-filters").Count == 1), Wait);
        return cut;
    }
}
