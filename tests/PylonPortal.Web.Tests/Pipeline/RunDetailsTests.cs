using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Web.Components.Pages.Pipeline;
using PylonPortal.Web.Tests.Shared;

namespace PylonPortal.Web.Tests.Pipeline;

/// <summary>An expanded run of the history, read from a real SQLite run log.</summary>
public sealed class RunDetailsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _ctx = new();
    private ScratchDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchDatabase.CreateAsync();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_db.Factory);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task It_shows_the_rows_of_each_model_in_build_order()
    {
        await _db.AddAsync(PipelineRuns.WithDetails(PipelineRuns.Run(1, RunStatus.Failed, Now)));

        var details = Render(1);

        var rows = details.FindAll(".run-steps tbody tr");
        Assert.Equal(["stg_product_events", "fct_org_daily_activity"], rows.Select(r => r.GetAttribute("data-model")));
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["stg_product_events", "1,200", "7", "12", "3", "1,181", "40", "850 ms"], cells);
        Assert.Equal("2.4 s", rows[1].QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task It_shows_the_checks_with_failures_first_and_failed_warnings_in_amber()
    {
        await _db.AddAsync(PipelineRuns.WithDetails(PipelineRuns.Run(1, RunStatus.Failed, Now)));

        var details = Render(1);

        var rows = details.FindAll(".run-checks tbody tr");
        Assert.Equal(["daily_no_duplicate_keys", "daily_latest_activity_date", "daily_no_null_org_id"], rows.Select(r => r.GetAttribute("data-check")));
        var failed = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["daily_no_duplicate_keys", "fct_org_daily_activity", "error", "fail", "3", "org-7 2026-11-20"], failed);
        Assert.Equal("Grain unique.", rows[0].QuerySelector("td")!.GetAttribute("title"));
        Assert.Contains("mud-chip-color-error", rows[0].QuerySelector("[data-status]")!.ClassName);
        Assert.Contains("mud-chip-color-warning", rows[1].QuerySelector("[data-status]")!.ClassName);
        Assert.Contains("mud-chip-color-success", rows[2].QuerySelector("[data-status]")!.ClassName);
    }

    [Fact]
    public async Task It_shows_the_error_and_the_scoring_settings_indented()
    {
        await _db.AddAsync(PipelineRuns.WithDetails(PipelineRuns.Run(1, RunStatus.Failed, Now)));

        var details = Render(1);

        Assert.Contains("daily_no_duplicate_keys (3 rows", details.Find(".run-error").TextContent);
        Assert.Contains("\n    \"HighArrThreshold\": 50000", details.Find(".scoring-settings").TextContent.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_run_that_ran_nothing_says_so()
    {
        await _db.AddAsync(PipelineRuns.Run(1, RunStatus.Skipped, Now));

        var details = Render(1);

        Assert.Contains("No model ran.", details.Markup);
        Assert.Contains("No checks ran.", details.Markup);
        Assert.Empty(details.FindAll(".run-error"));
    }

    [Fact]
    public void An_unknown_run_is_a_message_not_a_crash() =>
        Assert.Contains("Run #404 is not in the run log.", Render(404).Find(".mud-alert").TextContent);

    [Fact]
    public async Task A_real_build_shows_every_model_it_ran_and_every_check()
    {
        var clock = TimeProvider.System;
        await new DemoDataGenerator(_db.Factory, clock).GenerateAsync(new DemoDataOptions(Orgs: 6, Days: 20));
        var build = await new BuildService(_db.Factory, new PipelineOptions(), new ScoringOptions(), clock)
            .RunAsync(new BuildRequest(Triggers.Cli));
        Assert.True(build.Succeeded, build.Error);

        var details = Render(build.RunId);

        Assert.Equal(build.Steps.Select(s => s.Model), details.FindAll(".run-steps tbody tr").Select(r => r.GetAttribute("data-model")));
        Assert.Equal(build.Checks.Count, details.FindAll(".run-checks tbody tr").Count);
        var staged = build.Steps.Single(s => s.Model == "stg_product_events");
        Assert.Equal(staged.RowsRead.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            details.Find(".run-steps tr[data-model=stg_product_events] td:nth-child(2)").TextContent.Trim());
        Assert.Contains("\"HighArrThreshold\"", details.Find(".scoring-settings").TextContent);
    }

    [Fact]
    public async Task A_build_past_bad_raw_rows_lists_each_reason_with_its_count_and_an_example()
    {
        var clock = TimeProvider.System;
        await new DemoDataGenerator(_db.Factory, clock).GenerateAsync(new DemoDataOptions(Orgs: 4, Days: 10));
        var extracted = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _db.AddRawAsync(
            RawEvent("far-future", "2999-12-31T00:00:00Z", extracted),
            RawEvent(new string('u', 201), "2026-11-01T00:00:00Z", extracted));

        var build = await new BuildService(_db.Factory, new PipelineOptions(), new ScoringOptions(), clock).RunAsync(new BuildRequest(Triggers.Cli));
        Assert.True(build.Succeeded, build.Error);

        var rows = Render(build.RunId).FindAll(".run-row-issues tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(["stg_product_events", "future timestamp", "1", "far-future"], rows);
        Assert.Contains(rows, r => r[1] == "too long: uuid" && r[2] == "1");
    }

    private static PylonPortal.Analytics.Sources.RawProductEvent RawEvent(string uuid, string timestamp, long extractedAt) => new()
    {
        Uuid = uuid, Event = "issue:created", DistinctId = "someone@example.com", Timestamp = DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
        AirbyteRawId = "raw-" + uuid.Length + uuid[..3], AirbyteExtractedAt = extractedAt,
    };

    private IRenderedComponent<RunDetails> Render(long runId)
    {
        var details = _ctx.Render<RunDetails>(p => p.Add(d => d.RunId, runId));
        details.WaitForAssertion(() => Assert.Empty(details.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(10));
        return details;
    }
}
