using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Sources.Import;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary>
/// <c>pylon import --table NAME FILE.csv</c>: loads every row of a CSV into a raw table, or none.
/// <c>pylon import --dir FOLDER</c>: the same for each <c>TABLE.csv</c> in the folder, in one process.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var table = new Option<string?>("--table") { Description = $"The raw table: {string.Join(", ", RawTables.All)}." };
        table.AcceptOnlyFromAmong([.. RawTables.All]);
        var dir = new Option<DirectoryInfo?>("--dir")
        {
            Description = $"A folder of CSV files named after their tables ({string.Join(", ", RawTables.All.Select(t => t + ".csv"))}); "
                          + "each file present is loaded, in its own transaction, in that order.",
        };
        var file = new Argument<FileInfo?>("file") { Description = "A CSV file with a header row of the table's column names (with --table).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("import", "Load a CSV file into a raw table (--table NAME FILE), or a folder of them (--dir); a file with any bad row loads nothing.")
        {
            table, dir, file,
        };
        command.Validators.Add(result =>
        {
            // Presence only: a value that does not parse has its own error.
            var (hasTable, hasFile) = (result.GetResult(table) is not null, result.GetResult(file) is { Tokens.Count: > 0 });
            if (result.GetResult(dir) is not null ? hasTable || hasFile : !hasTable || !hasFile)
                result.AddError("Give either --table NAME FILE.csv, or --dir FOLDER.");
        });
        CliAction.Set(command, async (parse, services, ct) =>
        {
            var importer = services.GetRequiredService<CsvImporter>();
            if (parse.GetValue(dir) is { } folder)
            {
                if (!folder.Exists) throw new CliException($"No such folder: {folder.FullName}");
                var files = RawTables.All.Select(t => (Table: t, Path: Path.Combine(folder.FullName, t + ".csv"))).Where(f => File.Exists(f.Path)).ToList();
                if (files.Count == 0) throw new CliException($"{folder.FullName} has none of {string.Join(", ", RawTables.All.Select(t => t + ".csv"))}.");
                foreach (var (name, path) in files) await ImportAsync(importer, name, path, ct);
            }
            else
            {
                var path = parse.GetValue(file)!;
                if (!path.Exists) throw new CliException($"No such file: {path.FullName}");
                await ImportAsync(importer, parse.GetValue(table)!, path.FullName, ct);
            }
            Console.WriteLine("Run `pylon build` to update the marts.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task ImportAsync(CsvImporter importer, string table, string path, CancellationToken ct)
    {
        var progress = new Progress<long>(rows =>
        {
            if (!Console.IsErrorRedirected) Console.Error.Write($"\r  {table}: {N(rows)} rows read");
        });
        var result = await importer.ImportAsync(table, path, progress, ct);
        if (!Console.IsErrorRedirected) Console.Error.WriteLine();
        Console.WriteLine($"Loaded {N(result.Rows)} rows into {result.Table} in {Seconds(result.Elapsed)}.");
    }
}
