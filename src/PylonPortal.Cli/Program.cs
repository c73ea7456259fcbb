using System.CommandLine;
using System.Runtime.InteropServices;
using PylonPortal.Cli;
using PylonPortal.Cli.Commands;

// pylon: the same services as the portal and its schedule, from a terminal (DESIGN section 2).
var root = new RootCommand("Pylon Portal: load raw data, build the marts, check them, explain scores.")
{
    CommonOptions.Db, CommonOptions.Provider, CommonOptions.Connection,
};
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(TestCommand.Create());
root.Subcommands.Add(ScoresCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(SqlScriptsCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run `pylon --help` for usage.");
    return ExitCodes.Usage;
}
// Ctrl-C and SIGTERM cancel the command's token and let it finish: a build rolls back and records itself as
// cancelled, then the command exits with ExitCodes.Cancelled. (System.CommandLine's own handling is off: it
// would end the process soon after the signal.)
using var cancel = new CancellationTokenSource();
void Cancel(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancel.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancel.Token);
