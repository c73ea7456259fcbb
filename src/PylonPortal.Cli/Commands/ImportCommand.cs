using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Sources.Import;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary><c>pylon import --table NAME FILE.csv</c>: loads every row of a CSV into a raw table, or none.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var table = new Option<string>("--table") { Description = $"The raw table: {string.Join(", ", RawTables.All)}.", Required = true };
        table.AcceptOnlyFromAmong([.. RawTables.All]);
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with a header row of the table's column names." };
        var command = new Command("import", "Load a CSV file into a raw table; a file with any bad row loads nothing.") { table, file };
        CliAction.Set(command, async (parse, services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"No such file: {path.FullName}");
            var progress = new Progress<long>(rows =>
            {
                if (!Console.IsErrorRedirected) Console.Error.Write($"\r  {N(rows)} rows read");
            });
            var result = await services.GetRequiredService<CsvImporter>().ImportAsync(parse.GetValue(table)!, path.FullName, progress, ct);
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
            Console.WriteLine($"Loaded {N(result.Rows)} rows into {result.Table} in {Seconds(result.Elapsed)}. Run `pylon build` to update the marts.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
