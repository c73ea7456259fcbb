using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Quality;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon build [--full-refresh]</c>: the same build the schedule runs; prints what it did.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Rebuild staging and every mart from all raw rows." };
        var command = new Command("build",
            "Build every mart from the raw rows extracted since the last build. Ctrl-C or SIGTERM rolls it back, records the run as cancelled and exits 130.")
        {
            fullRefresh,
        };
        CliAction.Set(command, async (parse, services, ct) =>
        {
            var full = parse.GetValue(fullRefresh);
            if (full) Console.WriteLine("Full refresh: rebuilding staging and every mart from all raw rows.");
            var result = await services.GetRequiredService<BuildService>().RunAsync(
                new BuildRequest(Triggers.Cli, full, $"{Environment.UserName}@{Environment.MachineName}"), new ConsoleObserver(), ct);
            PrintChecks(result.Checks);
            Console.WriteLine($"Peak memory of this process: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB.");
            // The run records what the build did: a first build is a full refresh whatever was asked.
            var kind = await WasFullRefreshAsync(services, result.RunId) ? "full refresh" : "incremental";
            Console.WriteLine(result.Status switch
            {
                RunStatus.Succeeded => $"Build #{result.RunId} ({kind}) succeeded in {Seconds(result.Duration)}.",
                RunStatus.Cancelled => $"Build #{result.RunId} ({kind}) cancelled after {Seconds(result.Duration)}; rolled back, the marts are as they were.",
                _ => $"Build #{result.RunId} ({kind}) FAILED after {Seconds(result.Duration)}; the marts are as they were.\n{result.Error}",
            });
            return result.Status switch
            {
                RunStatus.Succeeded => ExitCodes.Ok,
                RunStatus.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failed,
            };
        });
        return command;
    }

    private static async Task<bool> WasFullRefreshAsync(IServiceProvider services, long runId)
    {
        await using var context = services.GetRequiredService<PortalDbFactory>().Create();
        return await context.PipelineRuns.Where(r => r.Id == runId).Select(r => r.FullRefresh).SingleAsync();
    }

    public static void PrintChecks(IReadOnlyList<PipelineCheckResult> checks)
    {
        if (checks.Count == 0) return;
        var failing = checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        Console.WriteLine($"Data-quality checks: {checks.Count - failing.Count} of {checks.Count} passed"
                          + (failing.Count > 0 ? $", {failing.Count(c => c.Severity == Severity.Error)} errors, {failing.Count(c => c.Severity == Severity.Warning)} warnings:" : "."));
        foreach (var check in failing)
            Console.WriteLine($"  {(check.Severity == Severity.Error ? "ERROR  " : "warning")} {check.Name}: {N(check.FailingRows)} rows, e.g. {check.Example}");
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
