using Bunit;
using MudBlazor.Services;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Components.Shared;

namespace PylonPortal.Web.Tests.Shared;

/// <summary>The banner every page shows: nothing when all is well, a warning when data is stale or missing, an error when the last build failed.</summary>
public sealed class DataStatusBannerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly BunitContext _ctx = new();
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public DataStatusBannerTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _auth = _ctx.AddAuthorization();
        _auth.SetAuthorized("Casey CSM");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Fresh_data_and_a_good_last_build_show_no_banner()
    {
        var banner = Render(new DataStatus(Today.AddDays(-1), Run(7, RunStatus.Succeeded), Today));

        Assert.Empty(banner.FindAll(".mud-alert"));
    }

    [Fact]
    public void Data_from_today_is_fresh_too() =>
        Assert.Empty(Render(new DataStatus(Today, Run(7, RunStatus.Succeeded), Today)).FindAll(".mud-alert"));

    [Fact]
    public void Data_older_than_yesterday_is_stale()
    {
        var banner = Render(new DataStatus(Today.AddDays(-2), Run(7, RunStatus.Succeeded), Today));

        var stale = banner.Find("#banner-stale");
        Assert.Contains("Data is stale", stale.TextContent);
        Assert.Contains("25 Nov 2026", stale.TextContent);
        Assert.Empty(banner.FindAll("#banner-build-failed"));
    }

    [Fact]
    public void No_data_yet_says_so()
    {
        var banner = Render(new DataStatus(null, null, Today));

        Assert.Contains("No data yet", banner.Find("#banner-stale").TextContent);
        Assert.Empty(banner.FindAll("#banner-build-failed"));
    }

    [Fact]
    public void A_failed_last_build_names_the_run()
    {
        var banner = Render(new DataStatus(Today.AddDays(-1), Run(42, RunStatus.Failed), Today));

        var failed = banner.Find("#banner-build-failed");
        Assert.Contains("#42", failed.TextContent);
        Assert.Contains("2026-11-27 03:15 UTC", failed.TextContent);
        Assert.Contains("last good marts", failed.TextContent);
        Assert.Empty(banner.FindAll("#banner-stale"));
    }

    [Fact]
    public void Stale_data_and_a_failed_build_show_both_banners()
    {
        var banner = Render(new DataStatus(Today.AddDays(-5), Run(43, RunStatus.Failed), Today));

        Assert.Contains("#43", banner.Find("#banner-build-failed").TextContent);
        Assert.Contains("Data is stale", banner.Find("#banner-stale").TextContent);
    }

    [Fact]
    public void Only_admins_get_the_link_to_the_pipeline()
    {
        var status = new DataStatus(Today.AddDays(-5), Run(43, RunStatus.Failed), Today);
        Assert.Empty(Render(status).FindAll("a[href='/admin/pipeline']"));

        _auth.SetRoles(Roles.Admin);
        _auth.SetPolicies(Policies.Pipeline);
        Assert.Equal(2, Render(status).FindAll("a[href='/admin/pipeline']").Count);
    }

    [Fact]
    public void An_empty_database_tells_a_non_admin_that_an_admin_runs_the_build_and_tells_an_admin_to_run_it()
    {
        var status = new DataStatus(null, null, Today);
        var forCs = Render(status).Find("#banner-stale").TextContent;
        Assert.Contains("which a Pylon Portal admin runs", forCs);
        Assert.DoesNotContain("run a build", forCs);

        _auth.SetRoles(Roles.Admin);
        _auth.SetPolicies(Policies.Pipeline);
        Assert.Contains("No data yet: run a build. Open the pipeline", Render(status).Find("#banner-stale").TextContent);
    }

    [Fact]
    public void The_stale_sentence_and_the_pipeline_link_are_apart()
    {
        _auth.SetRoles(Roles.Admin);
        _auth.SetPolicies(Policies.Pipeline);
        var banner = Render(new DataStatus(Today.AddDays(-5), Run(43, RunStatus.Failed), Today));

        Assert.Contains("more than a day ago. Open the pipeline", banner.Find("#banner-stale").TextContent);
    }

    private IRenderedComponent<DataStatusBanner> Render(DataStatus status) =>
        _ctx.Render<DataStatusBanner>(p => p.Add(b => b.Status, status));

    private static PipelineRun Run(long id, string status) => new()
    {
        Id = id,
        Status = status,
        Trigger = Triggers.Schedule,
        StartedAt = new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.Zero),
    };
}
