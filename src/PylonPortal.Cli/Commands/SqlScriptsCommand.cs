using System.CommandLine;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon sql-scripts [--out DIR]</c>: regenerates the SQL Server artefacts under db/sqlserver.</summary>
public static class SqlScriptsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write them.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("db", "sqlserver")) };
        var command = new Command("sql-scripts", "Write the SQL Server schema, raw-table, build and data-quality scripts (no server needed).") { output };
        command.SetAction(async (parse, _) =>
        {
            var folder = parse.GetValue(output)!;
            await SqlServerScripts.WriteAsync(folder.FullName);
            Console.WriteLine($"Wrote the SQL Server scripts to {folder.FullName}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
