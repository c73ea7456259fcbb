using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Web.Components.Pages.Pipeline;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.Web.Tests.Pipeline;

/// <summary>The live panel follows the BuildProgress singleton, whose events arrive on the build's thread.</summary>
public sealed class BuildProgressPanelTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly BuildProgress _progress = new();
    private IBuildObserver Build => _progress;

    public BuildProgressPanelTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_progress);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Nothing_shows_while_no_build_runs() =>
        Assert.Empty(_ctx.Render<BuildProgressPanel>().FindAll("#build-progress"));

    [Fact]
    public async Task It_follows_a_build_step_by_step_and_reports_start_and_end()
    {
        var changes = new List<bool>();
        var panel = _ctx.Render<BuildProgressPanel>(p => p.Add(c => c.RunningChanged, running => changes.Add(running)));

        await Task.Run(() => _progress.Started(fullRefresh: true, new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero)));
        panel.WaitForAssertion(() => Assert.Contains("Full refresh running since 2026-11-27 09:30:00 UTC", panel.Find("#build-progress").TextContent));

        await Task.Run(() =>
        {
            Build.StepStarted("stg_product_events");
            Build.StepFinished(new PipelineRunStep { Model = "stg_product_events", RowsRead = 12_345, RowsRejected = 2, RowsWritten = 12_300, ElapsedMs = 1_500 });
            Build.StepStarted("fct_customer_ai_adoption_30d");
            Build.Progress("scores", 250, 2_000);
        });
        panel.WaitForAssertion(() =>
        {
            Assert.Contains("fct_customer_ai_adoption_30d", panel.Find("#build-current-step").TextContent);
            Assert.Equal("250 / 2,000 orgs scored", panel.Find("#build-orgs-scored").TextContent.Trim());
            var row = panel.Find("#build-finished-steps tr[data-model=stg_product_events]");
            Assert.Equal(["stg_product_events", "12,345", "2", "0", "12,300", "0", "1.5 s"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        });

        await Task.Run(_progress.Stopped);
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("#build-progress")));
        Assert.Equal([true, false], changes);
    }

    [Fact]
    public async Task A_closed_panel_stops_listening()
    {
        var changes = new List<bool>();
        _ctx.Render<BuildProgressPanel>(p => p.Add(c => c.RunningChanged, running => changes.Add(running)));
        await _ctx.DisposeComponentsAsync();

        _progress.Started(fullRefresh: false, DateTimeOffset.UnixEpoch);
        _progress.Stopped();

        Assert.Empty(changes);
    }
}
