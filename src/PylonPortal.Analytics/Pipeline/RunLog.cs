using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Pipeline;

public static class RunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Another build held the lock; this one did nothing.</summary>
    public const string Skipped = "skipped";

    /// <summary>Found still "running" by a later build that held the lock: its process died.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>Stopped on request (Ctrl-C, SIGTERM, the portal shutting down): rolled back, nothing changed.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>pipeline_runs: one row per build, whoever started it (DESIGN section 1, "everything observable").</summary>
public sealed class PipelineRun
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the build got the database lock (after waiting for another build, if one was running).</summary>
    public DateTimeOffset? LockAcquiredAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    public string Status { get; set; } = RunStatus.Running;

    /// <summary>cli, schedule, portal or startup.</summary>
    public string Trigger { get; set; } = "";

    public bool FullRefresh { get; set; }

    /// <summary>Who asked: a user name or host:pid.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>The Scoring settings the build used, as JSON, so history can be explained when weights change.</summary>
    public string? ScoringSettings { get; set; }

    public string? Error { get; set; }
    public List<PipelineRunStep> Steps { get; set; } = [];
    public List<PipelineCheckResult> Checks { get; set; } = [];
    public List<PipelineRowIssue> RowIssues { get; set; } = [];

    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>pipeline_run_steps: what one model of one run read, rejected, left unattributed and wrote.</summary>
public sealed class PipelineRunStep
{
    public long RunId { get; set; }
    public int Position { get; set; }
    public string Model { get; set; } = "";
    public long RowsRead { get; set; }
    public long RowsRejected { get; set; }
    public long RowsUnattributed { get; set; }
    public long RowsWithAirbyteChanges { get; set; }
    public long RowsWritten { get; set; }
    public long RowsDeleted { get; set; }

    /// <summary>For a source: the greatest _airbyte_extracted_at seen (epoch ms).</summary>
    public long? Watermark { get; set; }

    public long ElapsedMs { get; set; }
}

/// <summary>pipeline_check_results: one data-quality check of one run (DESIGN section 6).</summary>
public sealed class PipelineCheckResult
{
    public long RunId { get; set; }
    public string Name { get; set; } = "";
    public string Model { get; set; } = "";
    public string Severity { get; set; } = "";
    public string Status { get; set; } = "";
    public long FailingRows { get; set; }
    public string? Example { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>
/// pipeline_row_issues: raw rows of one run that staging rejected (a missing field, a future timestamp, a value
/// too long for its column) or changed (an out-of-range decimal set to NULL), counted per model and reason,
/// with one example key so the row can be found (DESIGN section 3, rules 2 and 6).
/// </summary>
public sealed class PipelineRowIssue
{
    public long RunId { get; set; }
    public string Model { get; set; } = "";
    public string Reason { get; set; } = "";
    public long Rows { get; set; }
    public string? ExampleKey { get; set; }
}

/// <summary>pipeline_watermarks: per source table, the greatest _airbyte_extracted_at the last successful run saw.</summary>
public sealed class PipelineWatermark
{
    public string Source { get; set; } = "";
    public long ExtractedAt { get; set; }
    public long RunId { get; set; }
}

/// <summary>pipeline_lock: the row a build updates first inside its transaction, so two builds never overlap.</summary>
public sealed class PipelineLock
{
    public string Name { get; set; } = "";
    public long? RunId { get; set; }
    public DateTimeOffset? AcquiredAt { get; set; }
}

internal sealed class RunLogConfiguration :
    IEntityTypeConfiguration<PipelineRun>, IEntityTypeConfiguration<PipelineRunStep>,
    IEntityTypeConfiguration<PipelineCheckResult>, IEntityTypeConfiguration<PipelineWatermark>,
    IEntityTypeConfiguration<PipelineLock>, IEntityTypeConfiguration<PipelineRowIssue>
{
    public void Configure(EntityTypeBuilder<PipelineRun> e)
    {
        e.ToTable("pipeline_runs", Schemas.Pipeline);
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Trigger).HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(320);
        e.Ignore(x => x.Duration);
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.RunId);
        e.HasMany(x => x.Checks).WithOne().HasForeignKey(x => x.RunId);
        e.HasMany(x => x.RowIssues).WithOne().HasForeignKey(x => x.RunId);
        e.HasIndex(x => x.StartedAt);
    }

    public void Configure(EntityTypeBuilder<PipelineRunStep> e)
    {
        e.ToTable("pipeline_run_steps", Schemas.Pipeline);
        e.HasKey(x => new { x.RunId, x.Position });
        e.Property(x => x.Model).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<PipelineCheckResult> e)
    {
        e.ToTable("pipeline_check_results", Schemas.Pipeline);
        e.HasKey(x => new { x.RunId, x.Name });
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Model).HasMaxLength(100);
        e.Property(x => x.Severity).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Example).HasMaxLength(1000);
        e.Property(x => x.Description).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<PipelineRowIssue> e)
    {
        e.ToTable("pipeline_row_issues", Schemas.Pipeline);
        e.HasKey(x => new { x.RunId, x.Model, x.Reason });
        e.Property(x => x.Model).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(100);
        e.Property(x => x.ExampleKey).HasMaxLength(TextLengths.Id);
    }

    public void Configure(EntityTypeBuilder<PipelineWatermark> e)
    {
        e.ToTable("pipeline_watermarks", Schemas.Pipeline);
        e.HasKey(x => x.Source);
        e.Property(x => x.Source).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<PipelineLock> e)
    {
        e.ToTable("pipeline_lock", Schemas.Pipeline);
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(50);
        e.HasData(new PipelineLock { Name = BuildLock.Name });
    }
}
