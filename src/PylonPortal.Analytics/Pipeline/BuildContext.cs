using System.Diagnostics;
using LinqToDB.Data;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Pipeline;

/// <summary>Everything one build's steps share: its connection and transaction, its clock, and its run log.</summary>
public sealed class BuildContext(
    DataConnection db, long runId, DateTimeOffset startedAt, bool fullRefresh,
    PipelineOptions pipeline, ScoringOptions scoring, IBuildObserver observer, CancellationToken cancellation = default)
{
    /// <summary>Stops the build between steps, and its running statement (the provider cancels the command).</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public DataConnection Db { get; } = db;
    public long RunId { get; } = runId;

    /// <summary>The run's start: every row it writes gets this as _loaded_at.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Every model rebuilt from all staged rows: asked for, or the first build (no watermark yet).</summary>
    public bool FullRefresh { get; internal set; } = fullRefresh;
    public PipelineOptions Pipeline { get; } = pipeline;
    public ScoringOptions Scoring { get; } = scoring;
    public IBuildObserver Observer { get; } = observer;
    public List<PipelineRunStep> Steps { get; } = [];

    /// <summary>The raw rows staging rejected or changed, per model and reason (saved with the run).</summary>
    public List<PipelineRowIssue> RowIssues { get; } = [];

    /// <summary>Records row issues of a step; rejected rows also count in its <see cref="PipelineRunStep.RowsRejected"/>.</summary>
    public void AddRowIssues(PipelineRunStep step, IEnumerable<RowIssueCount> issues, bool rejected)
    {
        foreach (var issue in issues)
        {
            RowIssues.Add(new PipelineRowIssue { RunId = RunId, Model = step.Model, Reason = issue.Reason, Rows = issue.Rows, ExampleKey = issue.ExampleKey });
            if (rejected) step.RowsRejected += issue.Rows;
        }
    }

    /// <summary>Runs one model and records what it did under its name.</summary>
    public Task StepAsync(string model, Func<PipelineRunStep, Task> run) => StepsAsync([model], steps => run(steps[0]));

    /// <summary>Runs models built together (sharing their queries) and records each under its name.</summary>
    public async Task StepsAsync(string[] models, Func<PipelineRunStep[], Task> run)
    {
        var steps = models.Select((m, i) => new PipelineRunStep { RunId = RunId, Position = Steps.Count + i, Model = m }).ToArray();
        foreach (var model in models) Observer.StepStarted(model);
        Cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        await run(steps);
        foreach (var step in steps)
        {
            step.ElapsedMs = clock.ElapsedMilliseconds;
            Steps.Add(step);
            Observer.StepFinished(step);
        }
    }
}

/// <summary>Hears a build's progress: the CLI prints it, the portal shows it live, tests inject failures.</summary>
public interface IBuildObserver
{
    void StepStarted(string model) { }
    void StepFinished(PipelineRunStep step) { }
    void Progress(string model, int done, int total) { }
}

public sealed class NullBuildObserver : IBuildObserver
{
    public static readonly NullBuildObserver Instance = new();
}
