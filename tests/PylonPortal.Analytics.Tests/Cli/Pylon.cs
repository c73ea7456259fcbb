using System.Diagnostics;

namespace PylonPortal.Analytics.Tests.Cli;

/// <summary>Runs the real `pylon` CLI (the built PylonPortal.Cli) as a separate process.</summary>
public static class Pylon
{
    private static readonly string Dll = Path.Combine(Repository.Root, "src", "PylonPortal.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "pylon.dll");

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return Process.Start(start)!;
    }

    public static async Task<Result> WaitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(params string[] args) => WaitAsync(Start(null, args));
}
