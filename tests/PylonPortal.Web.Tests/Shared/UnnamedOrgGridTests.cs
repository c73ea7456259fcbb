using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Pages.Changes;
using PylonPortal.Web.Components.Pages.Health;
using PylonPortal.Web.Components.Pages.References;
using PylonPortal.Web.Components.Shared;
using PylonPortal.Web.Tests.Health;
using static PylonPortal.Web.Tests.Health.ScoresDatabase;

namespace PylonPortal.Web.Tests.Shared;

/// <summary>
/// An org known only from its `org-X` events has neither a name nor an account. The grids call it what the
/// overview and its own page do ("Unnamed org" and the start of its id) and say why on hover, instead of the raw id.
/// </summary>
public sealed class UnnamedOrgGridTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 3, 31);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Starts with a digit: shown as its raw id it sorted before every name.</summary>
    private const string UnnamedId = "0b7e44f2-9c1d-4d35-8f0e-5a2c7d1e9b63";

    private readonly BunitContext _ctx = new();
    private ScoresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CreateAsync(
            Readiness("org-a", Today, 80m, r => (r.OrgName, r.IsReferenceCandidate) = ("Acme Corp", true)),
            Readiness("org-b", Today, 60m, r => (r.OrgName, r.SalesforceAccountName) = (null, "Beta Account")),
            Readiness(UnnamedId, Today, 45m, r => (r.OrgName, r.SalesforceAccountName, r.AccountSegment, r.Industry) = (null, null, null, null)));
        await using (var db = _database.Factory.Create())
        {
            db.AddRange(
                Changes.ChangeFixtures.Change("org-a", ChangeKinds.HealthDrop, Today),
                Unnamed(Changes.ChangeFixtures.Change(UnnamedId, ChangeKinds.BandChange, Today)));
            await db.SaveChangesAsync();
        }
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_database.Factory);
        _ctx.Services.AddSingleton(new ScoringOptions());
        _ctx.AddAuthorization().SetAuthorized("Casey CSM");
        _ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Health_calls_it_an_unnamed_org_says_why_and_sorts_it_after_the_named_ones()
    {
        var cut = Open<HealthPage>("/health?sort=org");

        cut.WaitForAssertion(() => Assert.Equal(["Acme Corp", "Beta Account", "Unnamed org 0b7e44f2"], Links(cut, "#health-grid").Select(Text)), Wait);
        AssertExplained(Links(cut, "#health-grid")[^1]);
        Assert.Equal("Acme Corp", Links(cut, "#health-grid")[0].GetAttribute("title"));
    }

    [Fact]
    public void References_calls_it_an_unnamed_org_and_says_why()
    {
        var cut = Open<ReferencesPage>("/references?all=true&min=0");

        cut.WaitForAssertion(() => Assert.Contains("Unnamed org 0b7e44f2", Links(cut, "#references-grid").Select(Text)), Wait);
        AssertExplained(Links(cut, "#references-grid").Single(a => Text(a) == "Unnamed org 0b7e44f2"));
    }

    [Fact]
    public void The_changes_table_calls_it_an_unnamed_org_and_says_why()
    {
        var cut = Open<ChangesPage>("/changes");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.change-row").Count), Wait);
        var link = cut.Find($"tr.change-row[data-org='{UnnamedId}'] a.org-link");
        Assert.Equal("Unnamed org 0b7e44f2", Text(link));
        AssertExplained(link);
        Assert.Equal("org-a account", Text(cut.Find("tr.change-row[data-org='org-a'] a.org-link")));
    }

    private static void AssertExplained(IElement link)
    {
        Assert.Equal(OrgNames.UnnamedExplanation, link.GetAttribute("title"));
        Assert.Contains("unnamed-org", link.ClassList);
    }

    private static ScoreChange Unnamed(ScoreChange change)
    {
        change.OrgName = null;
        return change;
    }

    private IRenderedComponent<TPage> Open<TPage>(string uri) where TPage : IComponent
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return _ctx.Render<TPage>();
    }

    private static List<IElement> Links<TPage>(IRenderedComponent<TPage> cut, string grid) where TPage : IComponent =>
        cut.FindAll($"{grid} .org-link").ToList();

    private static string Text(IElement link) => link.TextContent.Trim();
}
