namespace PylonPortal.Analytics.Pipeline;

/// <summary>The <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Quartz cron expression of the scheduled build (default: hourly, on the hour).</summary>
    public string Schedule { get; set; } = "0 0 * * * ?";

    /// <summary>Re-read raw rows extracted up to this long before the watermark, for syncs that commit late.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Orgs scored per round trip when the derived marts are rebuilt (keeps memory flat).</summary>
    public int OrgsPerChunk { get; set; } = 250;

    /// <summary>On start, seed demo data and build when the SQLite database has no raw data (Development default).</summary>
    public bool SeedDemoDataWhenEmpty { get; set; }
}
