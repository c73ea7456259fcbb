using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon scores --org ID [--date D]</c>: one org's scores, every component, and how each moved in 30 days.</summary>
public static class ScoresCommand
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "The org id.", Required = true };
        var date = new Option<string?>("--date") { Description = "The as-of date (yyyy-MM-dd); default: the org's latest." };
        var command = new Command("scores", "Explain one org's AI adoption, health and reference readiness scores.") { org, date };
        CliAction.Set(command, async (parse, services, ct) =>
        {
            DateOnly? asOf = null;
            if (parse.GetValue(date) is { } text)
                asOf = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliException($"--date must be yyyy-MM-dd (was '{text}').");
            await using var db = services.GetRequiredService<PortalDbFactory>().Create();
            var options = services.GetRequiredService<ScoringOptions>();
            var orgId = parse.GetValue(org)!;
            var card = await Scorecard.LoadAsync(db, orgId, asOf, options, ct);
            if (card is null)
            {
                Console.Error.WriteLine($"No scores for org '{orgId}'{(asOf is null ? "" : $" on {asOf:yyyy-MM-dd}")}: unknown org, or run `pylon build` first.");
                return ExitCodes.Failed;
            }
            Print(card);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(Scorecard card)
    {
        var r = card.Readiness;
        Console.WriteLine($"{r.OrgName ?? "(no name)"} ({r.OrgId})");
        Console.WriteLine($"  account {r.SalesforceAccountName ?? "none"} · {r.AccountSegment ?? "no segment"} · {r.Industry ?? "no industry"}"
                          + $" · ARR {(r.CurrentArr is { } arr ? arr.ToString("N0", CultureInfo.InvariantCulture) : "none")}"
                          + $" · {(r.IsPayingCustomer ? "paying" : "not paying")} · owner {r.OwnerEmail ?? "none"}");
        Console.WriteLine($"  as of {r.AsOfDate:yyyy-MM-dd}" + (card.ComparedWith is { } then ? $"; changes against {then:yyyy-MM-dd}" : "; no row 30 days earlier to compare with"));
        foreach (var score in new[] { card.AiCard, card.HealthCard, card.ReadinessCard })
        {
            Console.WriteLine();
            Console.WriteLine($"{score.Title}: {score.Score:0.0} {Change(score.Change)} {score.Verdict}");
            Output.Table(["component", "weight", "value", "points", "change", "because"],
                score.Components.Select(c => (IReadOnlyList<string>)
                [
                    c.Component, c.Weight.ToString("0.00", CultureInfo.InvariantCulture), c.Value.ToString("0.0", CultureInfo.InvariantCulture),
                    c.Contribution.ToString("0.00", CultureInfo.InvariantCulture), Change(c.Change), c.Detail,
                ]));
        }
    }

    private static string Change(decimal? change) => change switch
    {
        null => "",
        > 0 => "+" + change.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => change.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
