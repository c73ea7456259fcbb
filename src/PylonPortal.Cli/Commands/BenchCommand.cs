using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using static PylonPortal.Cli.Output;

namespace PylonPortal.Cli.Commands;

/// <summary>
/// <c>pylon bench [--events N]</c>: the performance figures of DESIGN section 8, measured on SQLite files in a
/// temporary folder, every build in its own `pylon build` process (time and peak memory as that process saw them):
/// a full build at a tenth of the size and at full size (memory stays flat as events grow), and an hourly
/// incremental run adding one day to histories of two lengths against building that one day alone.
/// <c>pylon bench --pages URL</c> times the portal's server-side rendering of Overview, Health and Org instead.
/// </summary>
public static class BenchCommand
{
    private const double EventsPerOrgDay = 12.5; // the demo company's density

    public static Command Create()
    {
        var events = new Option<long>("--events") { Description = "Events at full size (about; 2,000 orgs x 365 days is about 9-10 million).", DefaultValueFactory = _ => 10_000_000 };
        var days = new Option<int>("--days") { Description = "Days of history at full size.", DefaultValueFactory = _ => 365 };
        var pages = new Option<string?>("--pages") { Description = "Time the pages of a running portal (Development sign-in) instead of the pipeline." };
        var runs = new Option<int>("--runs") { Description = "Requests per page with --pages (after a warm-up).", DefaultValueFactory = _ => 20 };
        var command = new Command("bench", "Measure build times, incremental cost and memory, or page render times (--pages).") { events, days, pages, runs };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(pages) is { } url)
                    return Uri.TryCreate(url, UriKind.Absolute, out var portal)
                        ? await PagesAsync(portal, parse.GetValue(runs), ct)
                        : throw new CliException($"--pages: '{url}' is not an absolute URL (e.g. http://localhost:5080).");
                return await PipelineAsync(parse.GetValue(events), parse.GetValue(days), ct);
            }
            catch (CliException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private sealed record BuildFigures(TimeSpan Elapsed, long PeakMb, string Output);

    private static async Task<int> PipelineAsync(long events, int days, CancellationToken ct)
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

            // An hourly run adding one day to a year of history, to a quarter of it, and that day built alone.
            var quarter = Path.Combine(folder, "quarter.db");
            await SeedAsync(quarter, new DemoDataOptions(orgs, Math.Max(2, days / 4)), ct);
            await BuildAsync(quarter, ct);
            var oneDay = Path.Combine(folder, "one-day.db");
            await SeedAsync(oneDay, new DemoDataOptions(orgs, 1), ct);
            var dayAlone = await BuildAsync(oneDay, ct);
            var added = await AddNextDayAsync(full);
            var incrementalYear = await BuildAsync(full, ct);
            await AddNextDayAsync(quarter);
            var incrementalQuarter = await BuildAsync(quarter, ct);
            Row("one day built alone", Seconds(dayAlone.Elapsed), $"{N(orgs)} orgs x 1 day");
            Row($"incremental +1 day on {days} days", Seconds(incrementalYear.Elapsed), $"{N(added)} new events; peak memory {incrementalYear.PeakMb} MB");
            Row($"incremental +1 day on {Math.Max(2, days / 4)} days", Seconds(incrementalQuarter.Elapsed), "");
            Row("incremental / day alone", Ratio(incrementalYear.Elapsed.TotalSeconds, dayAlone.Elapsed.TotalSeconds), "about 1 = cost follows the new data");
            Row("incremental year / quarter", Ratio(incrementalYear.Elapsed.TotalSeconds, incrementalQuarter.Elapsed.TotalSeconds), "about 1 = independent of history length");

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

    private static async Task<DemoDataSummary> SeedAsync(string path, DemoDataOptions options, CancellationToken ct)
    {
        Console.Error.WriteLine($"  seeding {options.Orgs:N0} orgs x {options.Days} days into {Path.GetFileName(path)}...");
        var database = DatabaseOptions.ForSqliteFile(path);
        var factory = new PortalDbFactory(database);
        await using (var context = factory.Create()) await PortalDatabase.MigrateAsync(context, ct);
        return await new DemoDataGenerator(factory, TimeProvider.System).GenerateAsync(options, ct: ct);
    }

    /// <summary>A build in its own process: its own clock and its own peak memory.</summary>
    private static async Task<BuildFigures> BuildAsync(string path, CancellationToken ct)
    {
        Console.Error.WriteLine($"  building {Path.GetFileName(path)}...");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var arg in new[] { "build", "--db", path }) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The build of {path} failed:\n{output}\n{error}");
        var peak = Regex.Match(output, @"Peak memory of this process: (\d+) MB");
        var took = Regex.Match(output, @"succeeded in ([\d.]+) s");
        var elapsed = took.Success ? TimeSpan.FromSeconds(double.Parse(took.Groups[1].Value, CultureInfo.InvariantCulture)) : clock.Elapsed;
        return new BuildFigures(elapsed, peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) : 0, output);
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
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> PagesAsync(Uri portal, int runs, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal };
        var form = await http.GetAsync("/account/dev-sign-in", ct);
        if (form.StatusCode != HttpStatusCode.OK)
            throw new CliException($"{portal} has no development sign-in (status {(int)form.StatusCode}): start the portal in Development.");
        var token = Regex.Match(await form.Content.ReadAsStringAsync(ct), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await http.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Name"] = "Bench", ["Email"] = "dev@localhost",
            ["Roles"] = "Admin", ["ReturnUrl"] = "/",
        }), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new CliException("Signing in failed: " + signIn.StatusCode);

        var overview = await http.GetStringAsync("/", ct);
        var org = Regex.Match(overview, "/orgs/([^\"?#]+)").Groups[1].Value;
        var paths = new List<string> { "/", "/health" };
        if (org.Length > 0) paths.Add("/orgs/" + org);
        Console.WriteLine($"Server-side render (prerendered HTML, full response) of {portal}, {runs} requests each after 3 warm-ups:");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var path in paths)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(path, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (i >= 3) times.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) throw new CliException($"{path}: HTTP {(int)response.StatusCode}");
            }
            times.Sort();
            rows.Add([path, $"{times[times.Count / 2]:0} ms", $"{times[(int)(times.Count * 0.95)]:0} ms", $"{times[0]:0} ms"]);
        }
        Output.Table(["page", "median", "p95", "min"], rows);
        return ExitCodes.Ok;
    }

    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
}
