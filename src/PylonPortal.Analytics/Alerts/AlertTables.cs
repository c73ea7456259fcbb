using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Alerts;

/// <summary>
/// portal.score_changes: one thing that changed for one org between two as-of dates, found by the build
/// that wrote it (its run), with the component that moved most, so the reader sees why.
/// </summary>
public sealed class ScoreChange
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public string Kind { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string? OrgName { get; set; }
    public string? OwnerEmail { get; set; }
    public string? AccountSegment { get; set; }
    public double? CurrentArr { get; set; }

    /// <summary>The latest as-of date of the build.</summary>
    public DateOnly AsOfDate { get; set; }

    /// <summary>The date it is compared with: the previous build's latest as-of date, or 7 days earlier.</summary>
    public DateOnly ComparedWith { get; set; }
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    public decimal HealthScore { get; set; }
    public string HealthBand { get; set; } = "";

    /// <summary>The score component whose weighted change was largest (the org page's "why it moved").</summary>
    public string? Component { get; set; }

    /// <summary>That component's change in score points (weight times its change).</summary>
    public decimal? ComponentPoints { get; set; }
    public string? ComponentDetail { get; set; }
}

/// <summary>portal.score_change_runs: per successful build, which dates its changes compare.</summary>
public sealed class ScoreChangeRun
{
    public long RunId { get; set; }
    public DateOnly AsOfDate { get; set; }
    public DateOnly ComparedWith { get; set; }
    public int Changes { get; set; }
}

public static class DeliveryStatus
{
    public const string Sent = "sent";
    public const string Failed = "failed";
}

public static class DeliveryChannels
{
    public const string Webhook = "webhook";
    public const string Email = "email";
}

/// <summary>portal.digest_deliveries: one owner's digest on one channel, with its attempts and the last error.</summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public string Channel { get; set; } = "";
    public string Owner { get; set; } = "";
    public int Changes { get; set; }
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public string? Error { get; set; }
}

internal sealed class AlertTablesConfiguration :
    IEntityTypeConfiguration<ScoreChange>, IEntityTypeConfiguration<ScoreChangeRun>, IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<ScoreChange> e)
    {
        e.ToTable("score_changes", Schemas.Portal);
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.OrgName).HasMaxLength(400);
        e.Property(x => x.OwnerEmail).HasMaxLength(320);
        e.Property(x => x.AccountSegment).HasMaxLength(200);
        e.Property(x => x.Before).HasMaxLength(100);
        e.Property(x => x.After).HasMaxLength(100);
        e.Property(x => x.HealthScore).HasPrecision(4, ScoreMath.ScoreDecimals);
        e.Property(x => x.HealthBand).HasMaxLength(20);
        e.Property(x => x.Component).HasMaxLength(50);
        e.Property(x => x.ComponentPoints).HasPrecision(9, ScoreMath.ComponentDecimals);
        e.Property(x => x.ComponentDetail).HasMaxLength(400);
        // A change is found once: later builds of the same day compare the same dates again.
        e.HasIndex(x => new { x.OrgId, x.Kind, x.AsOfDate, x.ComparedWith }).IsUnique();
        e.HasIndex(x => x.DetectedAt);
        e.HasIndex(x => new { x.OwnerEmail, x.DetectedAt });
        e.HasIndex(x => x.RunId);
    }

    public void Configure(EntityTypeBuilder<ScoreChangeRun> e)
    {
        e.ToTable("score_change_runs", Schemas.Portal);
        e.HasKey(x => x.RunId);
        e.HasIndex(x => x.AsOfDate);
    }

    public void Configure(EntityTypeBuilder<DigestDelivery> e)
    {
        e.ToTable("digest_deliveries", Schemas.Portal);
        e.HasKey(x => x.Id);
        e.Property(x => x.Channel).HasMaxLength(20);
        e.Property(x => x.Owner).HasMaxLength(320);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Error).HasMaxLength(2000);
        e.HasIndex(x => x.StartedAt);
    }
}
