namespace PylonPortal.Analytics.Alerts;

/// <summary>The <c>Alerts</c> configuration section: what counts as a change, and where the daily digest goes.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>A fall of the health score by at least this many points is a change.</summary>
    public decimal HealthDropPoints { get; set; } = 15m;

    /// <summary>A paying org with no activity for this many days is a change (once, when it crosses the line).</summary>
    public int InactiveDays { get; set; } = 14;

    /// <summary>Quartz cron expression of the daily digest; empty (the default) means no digest.</summary>
    public string? DigestSchedule { get; set; }

    /// <summary>Teams/Slack incoming webhook the digest posts to; empty means none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The portal's public address, for links in the digest (e.g. https://portal.example.com).</summary>
    public string? PortalUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>A digest schedule is set and parses (an unparsable one stops the app at start, see <see cref="Validate"/>).</summary>
    public bool DigestScheduled => !string.IsNullOrWhiteSpace(DigestSchedule) && AnalyticsServiceCollectionExtensions.IsCron(DigestSchedule);

    /// <summary>Attempts per delivery before it is recorded as failed; the wait doubles after each.</summary>
    public int DeliveryAttempts { get; set; } = 4;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public sealed class SmtpSettings
    {
        /// <summary>SMTP server; empty means no email.</summary>
        public string? Host { get; set; }
        public int Port { get; set; } = 587;

        /// <summary>STARTTLS when the server offers it (the default), none, or SSL on connect.</summary>
        public string Security { get; set; } = "Auto";
        public string? UserName { get; set; }

        /// <summary>Never in the repository: set it through an environment variable or a secret store.</summary>
        public string? Password { get; set; }
        public string From { get; set; } = "pylon-portal@localhost";
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HealthDropPoints <= 0 || HealthDropPoints > 100)
            errors.Add($"Alerts:HealthDropPoints must be between 0 (exclusive) and 100 (was {HealthDropPoints}).");
        if (InactiveDays <= 0)
            errors.Add($"Alerts:InactiveDays must be positive (was {InactiveDays}).");
        if (DeliveryAttempts <= 0)
            errors.Add($"Alerts:DeliveryAttempts must be positive (was {DeliveryAttempts}).");
        if (!string.IsNullOrWhiteSpace(DigestSchedule) && !AnalyticsServiceCollectionExtensions.IsCron(DigestSchedule))
            errors.Add($"Alerts:DigestSchedule '{DigestSchedule}' is not a valid Quartz cron expression (e.g. \"0 0 7 * * ?\" for 07:00 daily).");
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
            errors.Add($"Alerts:WebhookUrl '{WebhookUrl}' is not an absolute URL.");
        return errors;
    }
}
