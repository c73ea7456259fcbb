namespace PylonPortal.Web.Pipeline;

/// <summary>
/// The state of the first start's demo data (seeding, then the first build), which runs while the portal already
/// listens: every page shows the "preparing the demo data" view until it ends.
/// </summary>
public sealed class DemoDataPreparation(ILogger<DemoDataPreparation> logger) : IProgress<string>
{
    public enum Phase
    {
        /// <summary>Nothing to prepare (data already there, or seeding is off), or the preparation ended.</summary>
        Idle,
        Seeding,
        Building,
    }

    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Phase _phase = Phase.Idle;
    private volatile string? _lastMessage;

    public Phase Current => _phase;
    public bool InProgress => _phase != Phase.Idle;

    /// <summary>The seeding's latest progress line ("product_events 200,000 / ~480,000").</summary>
    public string? LastMessage => _lastMessage;

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Completes when the preparation ends, whatever its outcome (at once when there is nothing to prepare).</summary>
    public Task Ended => _phase == Phase.Idle && StartedAt is null ? Task.CompletedTask : _ended.Task;

    /// <summary>Raised on every change, on the preparing thread: handlers must marshal to their own context.</summary>
    public event Action? Changed;

    public void Seeding(DateTimeOffset at)
    {
        StartedAt = at;
        Move(Phase.Seeding);
    }

    public void Building() => Move(Phase.Building);

    public void End()
    {
        Move(Phase.Idle);
        _ended.TrySetResult();
    }

    void IProgress<string>.Report(string value)
    {
        logger.LogInformation("Seeding: {Progress}", value);
        _lastMessage = value;
        Changed?.Invoke();
    }

    private void Move(Phase phase)
    {
        _phase = phase;
        Changed?.Invoke();
    }
}
