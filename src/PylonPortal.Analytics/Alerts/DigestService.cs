using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Marts;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Alerts;

/// <summary>One owner's changes, as the digest sends them.</summary>
public sealed record OwnerDigest(string? Owner, IReadOnlyList<ScoreChange> Changes);

/// <summary>
/// The daily digest: each owner's changes since that owner's last digest on a channel, posted to the incoming
/// webhook (Teams/Slack) and mailed over SMTP. Each delivery is retried with a doubling wait and recorded, sent or
/// failed, in portal.digest_deliveries; nothing here touches a build.
/// </summary>
public sealed class DigestService(PortalDbFactory databases, AlertOptions options, TimeProvider clock, HttpClient http,
    ILogger<DigestService>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<DigestService>.Instance;

    /// <summary>With no earlier digest, a first one covers the last day.</summary>
    public static readonly TimeSpan FirstWindow = TimeSpan.FromDays(1);

    public bool HasChannel => !string.IsNullOrWhiteSpace(options.WebhookUrl) || !string.IsNullOrWhiteSpace(options.Smtp.Host);

    public async Task<IReadOnlyList<DigestDelivery>> SendAsync(CancellationToken ct = default)
    {
        var deliveries = new List<DigestDelivery>();
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl))
            deliveries.AddRange(await SendChannelAsync(DeliveryChannels.Webhook, PostWebhookAsync, ct));
        if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
            deliveries.AddRange(await SendChannelAsync(DeliveryChannels.Email, MailAsync, ct));
        return deliveries;
    }

    private async Task<List<DigestDelivery>> SendChannelAsync(string channel, Func<OwnerDigest, CancellationToken, Task> send, CancellationToken ct)
    {
        var deliveries = new List<DigestDelivery>();
        foreach (var digest in await DigestsAsync(channel, ct))
        {
            var delivery = new DigestDelivery
            {
                StartedAt = clock.GetUtcNow(), Channel = channel, Owner = digest.Owner ?? NoOwner, Changes = digest.Changes.Count,
            };
            for (var delay = options.FirstRetryDelay; ; delay *= 2)
            {
                delivery.Attempts++;
                try
                {
                    await send(digest, ct);
                    delivery.Status = DeliveryStatus.Sent;
                    delivery.Error = null;
                    break;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    delivery.Error = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
                    _log.LogWarning("Digest for {Owner} by {Channel}, attempt {Attempt}: {Error}", delivery.Owner, channel, delivery.Attempts, ex.Message);
                    if (delivery.Attempts >= options.DeliveryAttempts)
                    {
                        delivery.Status = DeliveryStatus.Failed;
                        break;
                    }
                    await Task.Delay(delay, ct);
                }
            }
            delivery.FinishedAt = clock.GetUtcNow();
            await using (var db = databases.Create())
            {
                db.DigestDeliveries.Add(delivery);
                await db.SaveChangesAsync(ct);
            }
            deliveries.Add(delivery);
        }
        return deliveries;
    }

    public const string NoOwner = "(no owner)";

    /// <summary>
    /// Each owner's changes detected since their last sent digest on this channel (a failed one is sent again next
    /// time), newest first. Email needs an owner; the webhook also posts the changes of orgs without one.
    /// </summary>
    public async Task<IReadOnlyList<OwnerDigest>> DigestsAsync(string channel, CancellationToken ct = default)
    {
        await using var db = databases.Create();
        var fallback = clock.GetUtcNow() - FirstWindow;
        var sent = await db.DigestDeliveries.AsNoTracking()
            .Where(d => d.Channel == channel && d.Status == DeliveryStatus.Sent)
            .GroupBy(d => d.Owner).Select(g => new { Owner = g.Key, Last = g.Max(d => d.StartedAt) })
            .ToDictionaryAsync(x => x.Owner, x => x.Last, ct);
        var earliest = sent.Count == 0 ? fallback : sent.Values.Append(fallback).Min();
        var changes = await db.ScoreChanges.AsNoTracking().Where(c => c.DetectedAt > earliest)
            .OrderByDescending(c => c.DetectedAt).ThenByDescending(c => c.CurrentArr).ToListAsync(ct);
        return changes
            .Where(c => channel == DeliveryChannels.Webhook || c.OwnerEmail is not null)
            .GroupBy(c => c.OwnerEmail)
            .Select(g => new OwnerDigest(g.Key, g.Where(c => c.DetectedAt > sent.GetValueOrDefault(g.Key ?? NoOwner, fallback)).ToList()))
            .Where(d => d.Changes.Count > 0)
            .OrderBy(d => d.Owner, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// <c>{"text": ...}</c> with Markdown: the shape both Slack incoming webhooks and Teams' incoming-webhook connector
    /// accept, so one setting serves either.
    /// </summary>
    private async Task PostWebhookAsync(OwnerDigest digest, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(options.WebhookUrl, new { text = Text(digest, markdown: true) }, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task MailAsync(OwnerDigest digest, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(digest.Owner!));
        message.Subject = $"Pylon Portal: {Plural(digest.Changes.Count, "change")} in your accounts";
        message.Body = new TextPart("plain") { Text = Text(digest, markdown: false) };
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    private static SecureSocketOptions Security(string value) =>
        Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed) ? parsed
            : value.Equals("Auto", StringComparison.OrdinalIgnoreCase) ? SecureSocketOptions.StartTlsWhenAvailable
            : throw new InvalidOperationException($"Alerts:Smtp:Security '{value}' is not one of Auto, None, StartTls, SslOnConnect.");

    /// <summary>The digest's words: a line per change, what moved and why, with a link to the org when the portal's address is known.</summary>
    public string Text(OwnerDigest digest, bool markdown)
    {
        var sb = new StringBuilder();
        var who = digest.Owner ?? "accounts without an owner";
        sb.Append(markdown ? $"**{Plural(digest.Changes.Count, "change")} for {who}**" : $"{Plural(digest.Changes.Count, "change")} for {who}").Append('\n');
        foreach (var c in digest.Changes)
        {
            var org = OrgNames.Display(c.OrgName, null, c.OrgId); // the name the portal shows, for an unnamed org too
            var link = string.IsNullOrWhiteSpace(options.PortalUrl) ? null : $"{options.PortalUrl.TrimEnd('/')}/orgs/{Uri.EscapeDataString(c.OrgId)}";
            sb.Append("\n- ")
                .Append(markdown && link is not null ? $"[{org}]({link})" : org)
                .Append($" ({ArrText(c.CurrentArr)}): {ChangeKinds.Label(c.Kind)}, {c.Before} → {c.After}");
            if (c.Component is not null)
                sb.Append(CultureInfo.InvariantCulture, $"; {c.Component} moved most ({ScoreMath.SignedPoints(c.ComponentPoints ?? 0m)} pts: {c.ComponentDetail})");
            if (!markdown && link is not null) sb.Append(' ').Append(link);
        }
        return sb.ToString();
    }

    private static string ArrText(double? arr) => arr is { } a ? "ARR " + a.ToString("N0", CultureInfo.InvariantCulture) : "no ARR";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
