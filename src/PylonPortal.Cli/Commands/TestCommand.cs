using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon test</c>: the data-quality checks; exit 1 when an error-level check fails (warnings never change it).</summary>
public static class TestCommand
{
    public static Command Create()
    {
        var command = new Command("test", "Run the data-quality checks on the marts; exit code 1 when a check at error level fails.");
        CliAction.Set(command, async (_, services, ct) =>
        {
            var result = await services.GetRequiredService<BuildService>().TestAsync(ct);
            Output.Table(["check", "model", "severity", "status", "failing rows", "example"],
                result.Checks.Select(c => (IReadOnlyList<string>)[c.Name, c.Model, c.Severity, c.Status, Output.N(c.FailingRows), c.Example ?? ""]));
            BuildCommand.PrintChecks(result.Checks);
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
