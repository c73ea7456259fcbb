using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary>
/// <c>pylon bench [--events N]</c>: the performance figures of DESIGN section 8, measured on SQLite files in a
/// temporary folder, every build in its own `pylon build` process (time and peak memory as that process saw them):
/// a full build at a tenth of the size and at full size (memory stays flat as events grow), and an hourly
/// incremental run adding one day to histories of two lengths against building that one day alone.
/// <c>pylon bench --pages URL</c> times every page of a running portal in Chromium, from navigation to filled, instead.
/// <c>pylon bench --csv FOLDER</c> times <c>pylon import --dir</c> of raw CSVs (gen_big.py's) and the first build of
/// them instead, with their ratios to another engine's figures when given.
/// </summary>
public static class BenchCommand
{
    private const double EventsPerOrgDay = 12.5; // the demo company's density

    public static Command Create()
    {
        var events = new Option<long>("--events") { Description = "Events at full size (about; 2,000 orgs x 365 days is about 9-10 million).", DefaultValueFactory = _ => 10_000_000 };
        var days = new Option<int>("--days") { Description = "Days of history at full size.", DefaultValueFactory = _ => 365 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of the hourly comparison (medians are reported).", DefaultValueFactory = _ => 3 };
        var pages = new Option<string?>("--pages") { Description = "Time the pages of a running portal (Development sign-in) in Chromium instead of the pipeline: its URL." };
        var runs = new Option<int>("--runs") { Description = "Loads per page with --pages (after 2 warm-ups).", DefaultValueFactory = _ => 10 };
        var browser = new Option<string>("--browser") { Description = "The Chromium executable for --pages.", DefaultValueFactory = _ => "/usr/bin/chromium" };
        var csv = new Option<DirectoryInfo?>("--csv") { Description = "Time the import of this folder's raw CSVs (TABLE.csv, as gen_big.py writes them) and their first build instead, --rounds times." };
        var referenceImport = new Option<double?>("--reference-import") { Description = "With --csv: another engine's seconds to load the same files (the table adds the ratio)." };
        var referenceBuild = new Option<double?>("--reference-build") { Description = "With --csv: another engine's seconds to build the same marts (the table adds the ratio)." };
        var command = new Command("bench", "Measure build times, incremental cost and memory, the import and first build of CSVs (--csv), or the pages' time to fill in Chromium (--pages).")
        {
            events, days, rounds, pages, runs, browser, csv, referenceImport, referenceBuild,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(pages) is not null && parse.GetValue(csv) is not null)
                    throw new CliException("--pages and --csv are two different benchmarks: give one of them.");
                if (parse.GetValue(pages) is { } url)
                    return Uri.TryCreate(url, UriKind.Absolute, out var portal)
                        ? await PagesAsync(portal, parse.GetValue(runs), parse.GetValue(browser)!, ct)
                        : throw new CliException($"--pages: '{url}' is not an absolute URL (e.g. http://localhost:5080).");
                if (parse.GetValue(rounds) is not (var r and > 0)) throw new CliException("--rounds must be at least 1.");
                if (parse.GetValue(csv) is not { } && (parse.GetValue(referenceImport), parse.GetValue(referenceBuild)) is not (null, null))
                    throw new CliException("--reference-import and --reference-build compare with --csv's figures: give --csv FOLDER too.");
                if (parse.GetValue(csv) is { } folder)
                    return folder.Exists
                        ? await CsvAsync(folder, r, parse.GetValue(referenceImport), parse.GetValue(referenceBuild), ct)
                        : throw new CliException($"--csv: there is no folder {folder.FullName}.");
                return await PipelineAsync(parse.GetValue(events), parse.GetValue(days), r, ct);
            }
            catch (CliException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }
            catch (StepFailedException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>A measured `pylon` process failed: the benchmark stops and prints what the process said.</summary>
    private sealed class StepFailedException(string message) : Exception(message);

    /// <summary>One measured `pylon` process: its time, its peak memory (builds report it), what it printed.</summary>
    private sealed record RunFigures(TimeSpan Elapsed, long PeakMb, string Output);

    private static async Task<int> PipelineAsync(long events, int days, int rounds, CancellationToken ct)
    {
        var orgs = (int)Math.Max(10, Math.Round(events / (days * EventsPerOrgDay)));
        var folder = Directory.CreateTempSubdirectory("pylon-bench-").FullName;
        Console.WriteLine($"Benchmark in {folder} ({orgs:N0} orgs x {days} days at full size; {Environment.ProcessorCount} cores).");
        try
        {
            var rows = new List<IReadOnlyList<string>>();
            void Row(string what, string value, string note = "") => rows.Add([what, value, note]);

            // Full builds at a tenth and at full size: time, and the build process's peak memory.
            var small = Path.Combine(folder, "small.db");
            var smallSeed = await SeedAsync(small, new DemoDataOptions(Math.Max(10, orgs / 10), days), ct);
            var smallBuild = await BuildAsync(small, ct);
            var full = Path.Combine(folder, "full.db");
            var fullSeed = await SeedAsync(full, new DemoDataOptions(orgs, days), ct);
            var fullBuild = await BuildAsync(full, ct);
            Row("seed (demo data)", Seconds(fullSeed.Elapsed), $"{N(fullSeed.Events)} events, {N(fullSeed.Organizations)} orgs");
            Row("full build, 1/10 size", Seconds(smallBuild.Elapsed), $"{N(smallSeed.Events)} events; peak memory {smallBuild.PeakMb} MB");
            Row("full build, full size", Seconds(fullBuild.Elapsed), $"{N(fullSeed.Events)} events; peak memory {fullBuild.PeakMb} MB");
            Row("events per second (full)", N((long)(fullSeed.Events / fullBuild.Elapsed.TotalSeconds)), "");
            Row("memory ratio full / tenth", Ratio(fullBuild.PeakMb, smallBuild.PeakMb), "about 1 = flat as events grow");

            // An hourly run adding one day to a year of history, to a quarter of it, and that day built alone: each
            // measured in several rounds, interleaved so a burst of load on the machine hits all three alike, and
            // compared by their medians. Round i adds day i to each history; the day alone is built afresh each round.
            var quarter = Path.Combine(folder, "quarter.db");
            await SeedAsync(quarter, new DemoDataOptions(orgs, Math.Max(2, days / 4)), ct);
            await BuildAsync(quarter, ct);
            var oneDaySeed = Path.Combine(folder, "one-day-seed.db");
            await SeedAsync(oneDaySeed, new DemoDataOptions(orgs, 1), ct);
            var oneDay = Path.Combine(folder, "one-day.db");
            var dayAlone = new List<RunFigures>();
            var incrementalYear = new List<RunFigures>();
            var incrementalQuarter = new List<RunFigures>();
            long added = 0;
            for (var round = 0; round < rounds; round++)
            {
                SqliteConnection.ClearAllPools();
                File.Copy(oneDaySeed, oneDay, overwrite: true);
                dayAlone.Add(await BuildAsync(oneDay, ct));
                added = await AddNextDayAsync(full);
                incrementalYear.Add(await BuildAsync(full, ct));
                await AddNextDayAsync(quarter);
                incrementalQuarter.Add(await BuildAsync(quarter, ct));
            }
            var (day, year, quarterRun) = (Median(dayAlone), Median(incrementalYear), Median(incrementalQuarter));
            Row("one day built alone", Seconds(day), $"{N(orgs)} orgs x 1 day; median of {rounds}");
            Row($"incremental +1 day on {days} days", Seconds(year), $"{N(added)} new events; median of {rounds}; peak memory {incrementalYear.Max(b => b.PeakMb)} MB");
            Row($"incremental +1 day on {Math.Max(2, days / 4)} days", Seconds(quarterRun), $"median of {rounds}");
            Row("incremental / day alone", Ratio(year.TotalSeconds, day.TotalSeconds), "about 1 = cost follows the new data");
            Row("incremental year / quarter", Ratio(year.TotalSeconds, quarterRun.TotalSeconds), "about 1 = independent of history length");
            Row("rounds (day, year, quarter)", "", string.Join(" | ", dayAlone.Select((d, i) =>
                $"{d.Elapsed.TotalSeconds:0.0} {incrementalYear[i].Elapsed.TotalSeconds:0.0} {incrementalQuarter[i].Elapsed.TotalSeconds:0.0}")) + " s, in the order run");

            Console.WriteLine();
            Output.Table(["measure", "value", "note"], rows);
            Console.WriteLine();
            Console.WriteLine("Full-size build, per model:");
            Console.WriteLine(string.Join('\n', fullBuild.Output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal))));
            return ExitCodes.Ok;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Each round loads the folder into a new SQLite file with <c>pylon import --dir</c> and builds it for the first
    /// time, each in its own process; the table gives the medians, every round, and the ratios to the reference.
    /// </summary>
    private static async Task<int> CsvAsync(DirectoryInfo csv, int rounds, double? referenceImport, double? referenceBuild, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("pylon-bench-").FullName;
        Console.WriteLine($"Benchmark in {folder}: import and first build of {csv.FullName}, {rounds} round(s); {Environment.ProcessorCount} cores.");
        try
        {
            var imports = new List<RunFigures>();
            var builds = new List<RunFigures>();
            var path = Path.Combine(folder, "portal.db");
            for (var round = 0; round < rounds; round++)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(folder)) File.Delete(file);
                Console.Error.WriteLine($"  importing {csv.Name} into {Path.GetFileName(path)}...");
                imports.Add(await RunAsync(["import", "--dir", csv.FullName, "--db", path], ct));
                builds.Add(await BuildAsync(path, ct));
            }
            var (import, build) = (Median(imports), Median(builds));
            var loaded = Regex.Matches(imports[^1].Output, @"Loaded ([\d,]+) rows into (\w+)")
                .ToDictionary(m => m.Groups[2].Value, m => long.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { "import (pylon import --dir)", Seconds(import), $"{N(loaded.Values.Sum())} rows, {N(loaded.GetValueOrDefault("product_events"))} of them events; median of {rounds}" },
                new[] { "first build (pylon build)", Seconds(build), $"median of {rounds}; peak memory {builds.Max(b => b.PeakMb)} MB" },
            };
            if (referenceImport is { } ri) rows.Add(["import / reference", Ratio(import.TotalSeconds, ri), $"reference {ri.ToString(CultureInfo.InvariantCulture)} s"]);
            if (referenceBuild is { } rb) rows.Add(["first build / reference", Ratio(build.TotalSeconds, rb), $"reference {rb.ToString(CultureInfo.InvariantCulture)} s"]);
            rows.Add(["rounds (import, build)", "", string.Join(" | ", imports.Select((i, n) => $"{i.Elapsed.TotalSeconds:0.0} {builds[n].Elapsed.TotalSeconds:0.0}")) + " s, in the order run"]);

            Console.WriteLine();
            Output.Table(["measure", "value", "note"], rows);
            Console.WriteLine();
            Console.WriteLine("Last first build, per model:");
            Console.WriteLine(string.Join('\n', builds[^1].Output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal))));
            return ExitCodes.Ok;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<DemoDataSummary> SeedAsync(string path, DemoDataOptions options, CancellationToken ct)
    {
        Console.Error.WriteLine($"  seeding {options.Orgs:N0} orgs x {options.Days} days into {Path.GetFileName(path)}...");
        var database = DatabaseOptions.ForSqliteFile(path);
        var factory = new PortalDbFactory(database);
        await using (var context = factory.Create()) await PortalDatabase.MigrateAsync(context, ct);
        return await new DemoDataGenerator(factory, TimeProvider.System).GenerateAsync(options, ct: ct);
    }

    /// <summary>A build in its own process: its own clock and its own peak memory.</summary>
    private static async Task<RunFigures> BuildAsync(string path, CancellationToken ct)
    {
        Console.Error.WriteLine($"  building {Path.GetFileName(path)}...");
        var run = await RunAsync(["build", "--db", path], ct);
        var peak = Regex.Match(run.Output, @"Peak memory of this process: (\d+) MB");
        var took = Regex.Match(run.Output, @"succeeded in ([\d.]+) s");
        var elapsed = took.Success ? TimeSpan.FromSeconds(double.Parse(took.Groups[1].Value, CultureInfo.InvariantCulture)) : run.Elapsed;
        return run with { Elapsed = elapsed, PeakMb = peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) : 0 };
    }

    /// <summary>`pylon ARGS` in its own process, timed from start to exit; a failure stops the benchmark with its output.</summary>
    private static async Task<RunFigures> RunAsync(string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0) throw new StepFailedException($"pylon {string.Join(' ', args)} failed (exit code {process.ExitCode}):\n{await output}\n{await error}");
        return new RunFigures(elapsed, 0, await output);
    }

    /// <summary>The next day, as the hourly sync would land it: yesterday's events again, one day later, extracted now.</summary>
    private static async Task<long> AddNextDayAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO product_events (uuid, event, distinct_id, timestamp, properties, team_id,
                                        _airbyte_raw_id, _airbyte_extracted_at, _airbyte_generation_id, _airbyte_meta)
            SELECT uuid || '-next', event, distinct_id, strftime('%Y-%m-%d %H:%M:%S+00:00', timestamp, '+1 day'), properties, team_id,
                   _airbyte_raw_id || '-next', $now, _airbyte_generation_id, _airbyte_meta
            FROM product_events
            WHERE timestamp >= (SELECT date(max(timestamp)) FROM product_events);
            """;
        // Extracted now: after the last build started, so the next build reads it, and before the next starts, so
        // that build's watermark passes it (a later round re-reads nothing of this one).
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Each page, and what it shows once its data is in: the time to fill is navigation to all of these.</summary>
    private static readonly (string Path, string[] Filled)[] Pages =
    [
        ("/", ["#overview-scatter .scatterlayer .point", "[data-testid=quadrant-row]"]),
        ("/trends", ["#chart-events .barlayer", "#chart-share .main-svg", "#chart-breadth .scatterlayer", "#growth-table, #growth-empty"]),
        ("/health", ["#health-grid .org-link"]),
        ("/references", ["#references-grid tbody tr"]),
        ("/orgs/{org}", ["[data-testid=score-card]", "#org-events-chart .barlayer .point"]),
        ("/admin/pipeline", ["#run-now"]),
    ];

    /// <summary>
    /// Each page in headless Chromium, signed in as an Admin through the development sign-in: from the start of
    /// navigation until every element that carries the page's data is on screen (charts drawn, grid rows in).
    /// </summary>
    private static async Task<int> PagesAsync(Uri portal, int runs, string browserPath, CancellationToken ct)
    {
        if (!File.Exists(browserPath)) throw new CliException($"--browser: no Chromium at {browserPath} (apt-get install -y chromium).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = browserPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var signIn = await page.GotoAsync("/account/dev-sign-in");
        if (signIn is not { Ok: true } || await page.Locator("#sign-in").CountAsync() == 0)
            throw new CliException($"{portal} has no development sign-in (status {signIn?.Status}): start the portal in Development.");
        await page.FillAsync("#name", "Bench");
        foreach (var role in await page.Locator("input[name=Roles]").AllAsync())
            if (await role.GetAttributeAsync("value") == "Admin") await role.CheckAsync(); else await role.UncheckAsync();
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Regex("/$"));

        await page.Locator("[data-testid=quadrant-org-link]").First.WaitForAsync();
        var org = await page.Locator("[data-testid=quadrant-org-link]").First.GetAttributeAsync("href") ?? "";
        Console.WriteLine($"Chromium ({browserPath}), {portal}: navigation to filled page, {runs} loads each after 2 warm-ups:");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (path, filled) in Pages)
        {
            var url = path.Replace("/orgs/{org}", org, StringComparison.Ordinal);
            var times = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                ct.ThrowIfCancellationRequested();
                await page.GotoAsync("about:blank");
                var clock = Stopwatch.StartNew();
                var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                if (response is { Ok: false }) throw new CliException($"{url}: HTTP {response.Status}");
                foreach (var selector in filled) await page.Locator(selector).First.WaitForAsync();
                if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            rows.Add([path, $"{times[times.Count / 2]:0} ms", $"{times[^1]:0} ms", $"{times[0]:0} ms"]);
        }
        Output.Table(["page", "median", "max", "min"], rows);
        return ExitCodes.Ok;
    }

    private static TimeSpan Median(List<RunFigures> builds) => builds.Select(b => b.Elapsed).Order().ElementAt(builds.Count / 2);

    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
}
