using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Demo;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon seed [--orgs N] [--days N] [--seed N]</c>: deterministic demo raw data ending today.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var orgs = new Option<int>("--orgs") { Description = "Organizations.", DefaultValueFactory = _ => new DemoDataOptions().Orgs };
        var days = new Option<int>("--days") { Description = "Days of history, ending today (UTC).", DefaultValueFactory = _ => new DemoDataOptions().Days };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and day give the same rows.", DefaultValueFactory = _ => new DemoDataOptions().Seed };
        var command = new Command("seed", "Append deterministic demo data to the raw tables (then run `pylon build`).") { orgs, days, seed };
        CliAction.Set(command, async (parse, services, ct) =>
        {
            var options = new DemoDataOptions(parse.GetValue(orgs), parse.GetValue(days), parse.GetValue(seed));
            if (options.Orgs <= 0 || options.Days <= 0) throw new CliException("--orgs and --days must be positive.");
            var progress = new Progress<string>(line =>
            {
                if (!Console.IsErrorRedirected) Console.Error.Write("\r  " + line.PadRight(60));
            });
            var summary = await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(options, progress, ct);
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
            Console.WriteLine($"Seeded {N(summary.Organizations)} organizations, {N(summary.Users)} users, {N(summary.Events)} events, "
                              + $"{N(summary.Issues)} issues and {N(summary.Accounts)} accounts in {Seconds(summary.Elapsed)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
