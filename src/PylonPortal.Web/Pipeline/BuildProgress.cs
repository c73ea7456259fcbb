using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Web.Pipeline;

/// <summary>
/// The live state of a build running in this process (scheduled or started from the portal), for the
/// pipeline page. Builds started elsewhere (the CLI, another instance) show up in the run log instead.
/// </summary>
public sealed class BuildProgress : IBuildObserver
{
    private readonly Lock _gate = new();
    private readonly List<PipelineRunStep> _finished = [];

    public bool IsRunning { get; private set; }
    public bool FullRefresh { get; private set; }
    public string? CurrentStep { get; private set; }
    public (int Done, int Total)? CurrentProgress { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Raised on every change; handlers must marshal to their own context.</summary>
    public event Action? Changed;

    public IReadOnlyList<PipelineRunStep> FinishedSteps
    {
        get { lock (_gate) return _finished.ToList(); }
    }

    public void Started(bool fullRefresh, DateTimeOffset at)
    {
        lock (_gate)
        {
            _finished.Clear();
            (IsRunning, FullRefresh, StartedAt, CurrentStep, CurrentProgress) = (true, fullRefresh, at, null, null);
        }
        Changed?.Invoke();
    }

    public void Stopped()
    {
        lock (_gate) (IsRunning, CurrentStep, CurrentProgress) = (false, null, null);
        Changed?.Invoke();
    }

    void IBuildObserver.StepStarted(string model)
    {
        lock (_gate) (CurrentStep, CurrentProgress) = (model, null);
        Changed?.Invoke();
    }

    void IBuildObserver.StepFinished(PipelineRunStep step)
    {
        lock (_gate) _finished.Add(step);
        Changed?.Invoke();
    }

    void IBuildObserver.Progress(string model, int done, int total)
    {
        lock (_gate) CurrentProgress = (done, total);
        Changed?.Invoke();
    }
}
