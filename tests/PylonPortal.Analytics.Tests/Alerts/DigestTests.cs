using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using netDumbster.smtp;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.Alerts;

/// <summary>The digest delivered for real: to an HTTP listener and an SMTP server, both on 127.0.0.1.</summary>
public sealed class DigestTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var detected = _db.Clock.GetUtcNow().AddHours(-2);
        await using var context = _db.Factory.Create();
        context.ScoreChanges.AddRange(
            Change("acme", "dana@example.com", ChangeKinds.BandChange, "Healthy", "Watch", detected),
            Change("globex", "dana@example.com", ChangeKinds.EnteredRisk, "Target", "Risk", detected),
            Change("initech", "lee@example.com", ChangeKinds.HealthDrop, "82.0", "61.5", detected),
            Change("old-news", "dana@example.com", ChangeKinds.HealthDrop, "90.0", "70.0", detected.AddDays(-3)));
        await context.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static ScoreChange Change(string org, string owner, string kind, string before, string after, DateTimeOffset detected) => new()
    {
        RunId = 1, DetectedAt = detected, Kind = kind, OrgId = org, OrgName = $"{org} account", OwnerEmail = owner, CurrentArr = 120_000,
        AsOfDate = new DateOnly(2024, 3, 30), ComparedWith = new DateOnly(2024, 3, 29), Before = before, After = after,
        HealthScore = 60m, HealthBand = "Watch", Component = "Usage", ComponentPoints = -12m, ComponentDetail = "4 active days of 30",
    };

    private DigestService Digest(AlertOptions options) => new(_db.Factory, options, _db.Clock, new HttpClient());

    private static AlertOptions Options(string? webhook = null, int? smtpPort = null) => new()
    {
        WebhookUrl = webhook, PortalUrl = "https://portal.example.com", FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        Smtp = { Host = smtpPort is null ? null : "127.0.0.1", Port = smtpPort ?? 0, Security = "None", From = "portal@example.com" },
    };

    [Fact]
    public async Task Each_owner_gets_one_webhook_message_with_their_changes_of_the_last_day_and_links()
    {
        using var hook = new WebhookListener();

        var deliveries = await Digest(Options(webhook: hook.Url)).SendAsync();

        Assert.Equal(2, hook.Bodies.Count);
        var texts = hook.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("text").GetString()!).ToList();
        var dana = Assert.Single(texts, t => t.Contains("dana@example.com"));
        Assert.Contains("[acme account](https://portal.example.com/orgs/acme)", dana);
        Assert.Contains("Entered the Risk quadrant, Target → Risk", dana);
        Assert.Contains("Usage moved most (-12.0 pts", dana);
        Assert.DoesNotContain("old-news", dana); // detected three days ago: outside a first digest's day
        Assert.Contains("initech", Assert.Single(texts, t => t.Contains("lee@example.com")));
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Equal(2, (await _db.ReadAsync(c => c.DigestDeliveries.Where(d => d.Status == DeliveryStatus.Sent))).Count);
    }

    [Fact]
    public void An_org_without_a_name_is_called_what_the_portal_calls_it()
    {
        var unnamed = Change("4c1e9a27-0b5d-4f7e-9a61-2d8f3c5b7e10", "dana@example.com", ChangeKinds.HealthDrop, "80.0", "60.0", _db.Clock.GetUtcNow());
        unnamed.OrgName = null;

        var text = Digest(Options()).Text(new OwnerDigest("dana@example.com", [unnamed]), markdown: true);

        Assert.Contains("[Unnamed org 4c1e9a27](https://portal.example.com/orgs/4c1e9a27-0b5d-4f7e-9a61-2d8f3c5b7e10)", text);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_and_a_sent_digest_is_not_sent_again()
    {
        using var hook = new WebhookListener(failFirst: 2);
        var digest = Digest(Options(webhook: hook.Url));

        var first = await digest.SendAsync();
        var second = await digest.SendAsync();

        Assert.Equal(3, first.Single(d => d.Owner == "dana@example.com").Attempts); // two 500s, then accepted
        Assert.Equal(1, first.Single(d => d.Owner == "lee@example.com").Attempts);
        Assert.All(first, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Empty(second);
        Assert.Equal(2, hook.Bodies.Count);
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_recorded_as_failed_with_its_error()
    {
        using var hook = new WebhookListener(failFirst: 100);

        var options = Options(webhook: hook.Url);
        options.DeliveryAttempts = 3;

        var deliveries = await Digest(options).SendAsync();

        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Failed, 3), (d.Status, d.Attempts)));
        var stored = await _db.ReadAsync(c => c.DigestDeliveries);
        Assert.All(stored, d => Assert.Contains("500", d.Error));
        Assert.Equal(6, hook.Requests);
    }

    [Fact]
    public async Task Each_owner_gets_an_email_with_their_changes()
    {
        using var smtp = SimpleSmtpServer.Start(WebhookListener.FreePort());

        var deliveries = await Digest(Options(smtpPort: smtp.Configuration.Port)).SendAsync();

        Assert.Equal(2, smtp.ReceivedEmailCount);
        var mail = Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == "dana@example.com"));
        Assert.Equal("Pylon Portal: 2 changes in your accounts", mail.Subject);
        Assert.Equal("portal@example.com", mail.FromAddress.Address);
        var body = Decode(mail.MessageParts[0]);
        Assert.Contains("acme account (ARR 120,000): Health band changed, Healthy → Watch", body);
        Assert.Contains("https://portal.example.com/orgs/globex", body);
        Assert.DoesNotContain("initech", body);
        Assert.All(deliveries, d => Assert.Equal((DeliveryChannels.Email, DeliveryStatus.Sent), (d.Channel, d.Status)));
    }

    /// <summary>The text of a MIME part as the mail client encoded it (quoted-printable or base64 for non-ASCII).</summary>
    private static string Decode(SmtpMessagePart part)
    {
        var header = part.HeaderData.ToLowerInvariant();
        if (header.Contains("base64")) return Encoding.UTF8.GetString(Convert.FromBase64String(part.BodyData));
        if (!header.Contains("quoted-printable")) return part.BodyData;
        var joined = Regex.Replace(part.BodyData, "=\r?\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length) { bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
