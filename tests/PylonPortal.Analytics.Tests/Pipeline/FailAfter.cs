using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Analytics.Tests.Pipeline;

/// <summary>Fails a build right after one of its models, to prove the build rolls back.</summary>
internal sealed class FailAfter(string model) : IBuildObserver
{
    public void StepFinished(PipelineRunStep step)
    {
        if (step.Model == model) throw new InvalidOperationException($"injected failure after {model}");
    }
}
