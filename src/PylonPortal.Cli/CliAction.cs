using System.CommandLine;
using Microsoft.Extensions.Options;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources.Import;

namespace PylonPortal.Cli;

/// <summary>Runs a command's body with the portal's services, turning failures into a message and an exit code.</summary>
public static class CliAction
{
    public static void Set(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var services = await CommonOptions.StartAsync(parse, ct);
                return await body(parse, services, ct);
            }
            catch (Exception ex)
            {
                var (code, message) = ex switch
                {
                    CliException or OptionsValidationException => (ExitCodes.Usage, ex.Message),
                    BuildAlreadyRunningException => (ExitCodes.BuildRunning, ex.Message),
                    ImportException => (ExitCodes.Failed, ex.Message),
                    OperationCanceledException => (ExitCodes.Cancelled, "Cancelled; nothing was changed."),
                    _ => (ExitCodes.Failed, ex.ToString()),
                };
                Console.Error.WriteLine(message);
                return code;
            }
        });
}
