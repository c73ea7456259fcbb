using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Pipeline;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon build [--full-refresh]</c>: the same build the schedule runs; prints what it did.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Rebuild staging and every mart from all raw rows." };
        var command = new Command("build", "Build every mart from the raw rows extracted since the last build.") { fullRefresh };
        CliAction.Set(command, async (parse, services, ct) =>
        {
            var full = parse.GetValue(fullRefresh);
            Console.WriteLine(full ? "Full refresh: rebuilding staging and every mart from all raw rows." : "Incremental build.");
            var result = await services.GetRequiredService<BuildService>().RunAsync(
                new BuildRequest(Triggers.Cli, full, $"{Environment.UserName}@{Environment.MachineName}"), new ConsoleObserver(), ct);
            PrintChecks(result.Checks);
            Console.WriteLine($"Peak memory of this process: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB.");
            Console.WriteLine(result.Succeeded
                ? $"Build #{result.RunId} succeeded in {Seconds(result.Duration)}."
                : $"Build #{result.RunId} FAILED after {Seconds(result.Duration)}; the marts are as they were.\n{result.Error}");
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    public static void PrintChecks(IReadOnlyList<PipelineCheckResult> checks)
    {
        if (checks.Count == 0) return;
        var failing = checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        Console.WriteLine($"Data-quality checks: {checks.Count - failing.Count} of {checks.Count} passed"
                          + (failing.Count > 0 ? $", {failing.Count(c => c.Severity == "error")} errors, {failing.Count(c => c.Severity == "warning")} warnings:" : "."));
        foreach (var check in failing)
            Console.WriteLine($"  {(check.Severity == "error" ? "ERROR  " : "warning")} {check.Name}: {N(check.FailingRows)} rows, e.g. {check.Example}");
    }

    /// <summary>One line per model as it finishes: what it read, rejected, left unattributed and wrote.</summary>
    private sealed class ConsoleObserver : IBuildObserver
    {
        private bool _headerPrinted;

        public void StepFinished(PipelineRunStep s)
        {
            if (!_headerPrinted)
            {
                Console.WriteLine($"  {"model",-30} {"read",12} {"rejected",9} {"unattrib.",9} {"written",11} {"deleted",11} {"time",8}");
                _headerPrinted = true;
            }
            Console.WriteLine($"  {s.Model,-30} {N(s.RowsRead),12} {N(s.RowsRejected),9} {N(s.RowsUnattributed),9} {N(s.RowsWritten),11} {N(s.RowsDeleted),11} {Seconds(s.ElapsedMs),8}");
        }

        public void Progress(string model, int done, int total)
        {
            if (!Console.IsErrorRedirected) Console.Error.Write($"\r  {model}: {done}/{total} orgs scored   " + (done == total ? "\r" + new string(' ', 50) + "\r" : ""));
        }
    }
}
