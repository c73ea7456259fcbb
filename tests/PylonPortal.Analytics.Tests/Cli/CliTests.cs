using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PylonPortal.Analytics.Tests.Cli;

/// <summary>The `pylon` CLI end to end, as a separate process on CSV files: what a newcomer or a script sees.</summary>
public class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pylon-cli-").FullName;
    private string Db => Path.Combine(_folder, "portal.db");

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Import_each_table_then_build_test_and_explain_a_score()
    {
        var today = DateTime.UtcNow.Date;
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd");
        var events = new List<string> { "uuid,event,distinct_id,timestamp,properties,team_id" };
        for (var d = 0; d < 40; d++)
        {
            events.Add($"e{d}a,issue:created,u1,{Day(d)}T09:00:00Z,{{}},1");
            events.Add($"e{d}b,ai:reply_suggested,u2,{Day(d)}T10:00:00+02:00,,1");
        }
        var files = new Dictionary<string, string>
        {
            ["pylon_organizations"] = Csv("orgs.csv", "id,name,domain,created_at", "o1,Acme,acme.com,2023-01-01T00:00:00Z"),
            ["pylon_users"] = Csv("users.csv", "id,organization_id,email,name,created_at",
                "u1,o1,a@acme.com,Ann,2023-01-01", "u2,o1,b@acme.com,Bo,2023-01-01"),
            ["account"] = Csv("accounts.csv",
                "Id,Name,Industry,AnnualRevenue,Segment__c,Seat_Tier__c,Current_ARR__c,Pylon_Organization_Id__c,Renewal_Date__c,Owner_Email__c,IsDeleted,CreatedDate,LastModifiedDate",
                $"A1,Acme Corp,Software,1000000,Enterprise,Growth,80000,o1,{Day(-60)},csm@pylon.com,false,2023-01-01,2024-01-01"),
            ["pylon_issues"] = Csv("issues.csv", "id,organization_id,created_at,resolved_at,priority,csat_score",
                $"i1,o1,{Day(3)}T08:00:00Z,,urgent,", $"i2,o1,{Day(5)}T08:00:00Z,{Day(4)}T08:00:00Z,low,5"),
            ["product_events"] = Csv("events.csv", events.ToArray()),
        };
        foreach (var (table, file) in files)
        {
            var import = await Pylon.RunAsync("import", "--table", table, file, "--db", Db);
            Assert.True(import.ExitCode == 0, import.Error);
            Assert.Contains($"into {table}", import.Output);
        }

        var build = await Pylon.RunAsync("build", "--db", Db);
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        Assert.Contains("fct_org_daily_activity", build.Output);
        // The first build runs as a full refresh, and says so.
        Assert.Contains("(full refresh) succeeded", build.Output);
        Assert.DoesNotContain("ncremental", build.Output);

        var test = await Pylon.RunAsync("test", "--db", Db);
        Assert.True(test.ExitCode == 0, test.Output + test.Error);
        Assert.Contains("daily_reconciles_with_staging", test.Output);

        var scores = await Pylon.RunAsync("scores", "--org", "o1", "--db", Db);
        Assert.True(scores.ExitCode == 0, scores.Error);
        Assert.Contains("Acme Corp", scores.Output);
        Assert.Contains("Effective AI Adoption", scores.Output);
        Assert.Contains("Frequency", scores.Output);
        Assert.Contains("Renewal", scores.Output);
    }

    [Fact]
    public async Task A_bad_file_loads_nothing_and_names_the_line_column_and_value()
    {
        var file = Csv("bad.csv", "uuid,event,distinct_id,timestamp,properties,team_id",
            "e1,issue:created,u1,2024-03-01T10:00:00Z,,1",
            "e2,issue:created,u1,yesterday,,1");

        var import = await Pylon.RunAsync("import", "--table", "product_events", file, "--db", Db);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("line 3", import.Error);
        Assert.Contains("timestamp", import.Error);
        Assert.Contains("yesterday", import.Error);
        var build = await Pylon.RunAsync("build", "--db", Db);
        Assert.Contains("stg_product_events", build.Output);
        Assert.Matches(@"stg_product_events\s+0\s", build.Output);
    }

    [Fact]
    public async Task Import_dir_loads_each_table_file_of_a_folder_and_a_second_build_says_it_is_incremental()
    {
        Csv("pylon_organizations.csv", "id,name,domain,created_at", "o1,Acme,acme.com,2023-01-01T00:00:00Z");
        Csv("pylon_users.csv", "id,organization_id,email,name,created_at", "u1,o1,a@acme.com,Ann,2023-01-01");
        Csv("product_events.csv", "uuid,event,distinct_id,timestamp,properties,team_id",
            $"e1,issue:created,u1,{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}T09:00:00Z,{{}},1");

        var import = await Pylon.RunAsync("import", "--dir", _folder, "--db", Db);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(["Loaded 1 rows into product_events", "Loaded 1 rows into pylon_users", "Loaded 1 rows into pylon_organizations"],
            import.Output.Split('\n').Where(l => l.StartsWith("Loaded", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(" in ", 17, StringComparison.Ordinal)]));
        Assert.Equal(0, (await Pylon.RunAsync("build", "--db", Db)).ExitCode);
        var second = await Pylon.RunAsync("build", "--db", Db);
        Assert.Contains("(incremental) succeeded", second.Output);
        Assert.Equal(2, (await Pylon.RunAsync("import", "--dir", _folder, "--table", "account", "--db", Db)).ExitCode);
    }

    [Fact]
    public async Task An_import_waiting_longer_than_the_lock_timeout_behind_a_build_exits_3_with_a_sentence()
    {
        var file = Csv("events.csv", "uuid,event,distinct_id,timestamp,properties,team_id", "e1,issue:created,u1,2024-03-01T10:00:00Z,,1");
        Assert.Equal(0, (await Pylon.RunAsync("import", "--table", "product_events", file, "--db", Db)).ExitCode);
        // What a build's transaction does to SQLite: it holds the write lock.
        await using var build = new SqliteConnection($"Data Source={Db};Pooling=False");
        await build.OpenAsync();
        await using var transaction = build.BeginTransaction(deferred: false);
        await using (var write = build.CreateCommand())
        {
            write.CommandText = "UPDATE pipeline_lock SET run_id = NULL";
            await write.ExecuteNonQueryAsync();
        }

        var import = await Pylon.WaitAsync(Pylon.Start(new Dictionary<string, string> { ["Database__LockTimeoutSeconds"] = "1" },
            "import", "--table", "product_events", file, "--db", Db));

        Assert.Equal(3, import.ExitCode);
        Assert.Contains("Import into product_events gave up after waiting 1 s (Database:LockTimeoutSeconds) for the database lock, which a build holds; "
                        + "nothing was loaded.", import.Error);
        Assert.DoesNotContain("   at ", import.Error); // no stack trace
    }

    [Fact]
    public async Task A_build_stopped_by_sigterm_rolls_back_records_the_run_as_cancelled_and_exits_130()
    {
        // Big enough that the full refresh runs for many seconds: on a loaded CI machine this test process may
        // read the child's first line late, and a signal that lands after the build ends proves nothing.
        Assert.Equal(0, (await Pylon.RunAsync("seed", "--orgs", "200", "--days", "365", "--db", Db)).ExitCode);
        Assert.Equal(0, (await Pylon.RunAsync("build", "--db", Db)).ExitCode);
        var before = await MartsAsync();

        var process = Pylon.Start(null, "build", "--full-refresh", "--db", Db);
        // Signal once the build is under way: its first model has finished.
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("model", StringComparison.Ordinal)) { }
        // SIGTERM, as a service manager stops it (Ctrl-C's SIGINT takes the same path): a shell starts background
        // jobs with SIGINT ignored, and a child that inherits that never sees it, so CI could not test SIGINT reliably.
        Assert.Equal(0, Kill(process.Id, Sigterm));
        var build = await Pylon.WaitAsync(process);

        Assert.True(build.ExitCode == 130, build.Output + build.Error);
        Assert.True(build.Output.Contains("cancelled after", StringComparison.Ordinal), build.Output + "\n---\n" + build.Error);
        Assert.Contains("rolled back, the marts are as they were", build.Output);
        Assert.Equal(before, await MartsAsync());
        await using var db = new SqliteConnection($"Data Source={Db};Pooling=False");
        await db.OpenAsync();
        await using var last = db.CreateCommand();
        last.CommandText = "SELECT status, finished_at IS NOT NULL, full_refresh FROM pipeline_runs ORDER BY id DESC LIMIT 1";
        await using var run = await last.ExecuteReaderAsync();
        Assert.True(await run.ReadAsync());
        Assert.Equal(("cancelled", true, true), (run.GetString(0), run.GetBoolean(1), run.GetBoolean(2)));
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Each mart's row count and a sum over its rows: equal when the marts did not change.</summary>
    private async Task<string> MartsAsync()
    {
        await using var db = new SqliteConnection($"Data Source={Db};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) || '/' || TOTAL(total_event_count) FROM fct_org_daily_activity) || ' '
                || (SELECT COUNT(*) || '/' || TOTAL(total_events_30d) FROM fct_customer_ai_adoption_30d) || ' '
                || (SELECT COUNT(*) FROM fct_reference_readiness_30d)
            """;
        var marts = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotMatch("^0/", marts);
        return marts;
    }

    [Fact]
    public async Task Bench_compares_the_hourly_run_with_the_day_alone_by_medians_of_interleaved_rounds()
    {
        var bench = await Pylon.RunAsync("bench", "--events", "3000", "--days", "20", "--rounds", "2");

        Assert.True(bench.ExitCode == 0, bench.Output + bench.Error);
        Assert.Matches(@"one day built alone +\d+\.\d s +12 orgs x 1 day; median of 2", bench.Output);
        Assert.Matches(@"incremental / day alone +\d+\.\d\d", bench.Output);
        // Two rounds, each with the day alone, the year and the quarter.
        Assert.Matches(@"rounds \(day, year, quarter\) +(\d+\.\d \d+\.\d \d+\.\d( \| )?){2} s, in the order run", bench.Output);
        Assert.Equal(2, (await Pylon.RunAsync("bench", "--rounds", "0")).ExitCode);
    }

    [Fact]
    public async Task Bench_csv_times_the_import_and_first_build_of_a_folder_and_divides_by_the_reference()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "raw")).FullName;
        File.WriteAllLines(Path.Combine(folder, "pylon_organizations.csv"), ["id,name,domain,created_at", "o1,Acme,acme.com,2023-01-01T00:00:00Z"]);
        File.WriteAllLines(Path.Combine(folder, "pylon_users.csv"), ["id,organization_id,email,name,created_at", "u1,o1,a@acme.com,Ann,2023-01-01"]);
        File.WriteAllLines(Path.Combine(folder, "product_events.csv"), ["uuid,event,distinct_id,timestamp,properties,team_id",
            .. Enumerable.Range(0, 1_200).Select(i => $"e{i},{(i % 3 == 0 ? "ai:reply_suggested" : "issue:created")},u1,{DateTime.UtcNow.AddDays(-1 - i % 20):yyyy-MM-dd}T09:00:00Z,{{}},1")]);

        var bench = await Pylon.RunAsync("bench", "--csv", folder, "--rounds", "2", "--reference-import", "0.5", "--reference-build", "4");

        Assert.True(bench.ExitCode == 0, bench.Output + bench.Error);
        var import = Regex.Match(bench.Output, @"import \(pylon import --dir\) +(\d+\.\d) s +1,202 rows, 1,200 of them events; median of 2");
        var build = Regex.Match(bench.Output, @"first build \(pylon build\) +(\d+\.\d) s +median of 2; peak memory \d+ MB");
        Assert.True(import.Success && build.Success, bench.Output);
        // The ratios divide the medians by the references given (printed to a tenth of a second; the ratio to 0.01).
        var ratio = (string name) => double.Parse(Regex.Match(bench.Output, name + @" / reference +(\d+\.\d\d)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(ratio("import") * 0.5, double.Parse(import.Groups[1].Value, CultureInfo.InvariantCulture) - 0.06, double.Parse(import.Groups[1].Value, CultureInfo.InvariantCulture) + 0.06);
        Assert.InRange(ratio("first build") * 4, double.Parse(build.Groups[1].Value, CultureInfo.InvariantCulture) - 0.06, double.Parse(build.Groups[1].Value, CultureInfo.InvariantCulture) + 0.06);
        Assert.Matches(@"rounds \(import, build\) +(\d+\.\d \d+\.\d( \| )?){2} s, in the order run", bench.Output);
        Assert.Contains("fct_org_daily_activity", bench.Output); // the per-model lines of the last build

        // A bad row stops the benchmark with the import's own words, and exit code 1.
        File.AppendAllLines(Path.Combine(folder, "pylon_users.csv"), ["u2,o1,b@acme.com,Bo,not-a-date"]);
        var bad = await Pylon.RunAsync("bench", "--csv", folder, "--rounds", "1");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("line 3", bad.Error);
        Assert.Equal(2, (await Pylon.RunAsync("bench", "--reference-build", "4")).ExitCode); // a reference needs --csv
        Assert.Equal(2, (await Pylon.RunAsync("bench", "--csv", folder, "--pages", "http://localhost:5080")).ExitCode);
        Assert.Equal(2, (await Pylon.RunAsync("bench", "--csv", Path.Combine(_folder, "missing"))).ExitCode);
    }

    [Fact]
    public async Task Usage_errors_exit_with_code_2()
    {
        Assert.Equal(2, (await Pylon.RunAsync("build", "--no-such-option")).ExitCode);
        Assert.Equal(2, (await Pylon.RunAsync("import", "--table", "nope", "x.csv", "--db", Db)).ExitCode);
        Assert.Equal(2, (await Pylon.RunAsync("build", "--provider", "sqlserver", "--db", Db)).ExitCode);
    }

    [Fact]
    public async Task Scores_for_an_unknown_org_fail_with_a_message()
    {
        var scores = await Pylon.RunAsync("scores", "--org", "nobody", "--db", Db);
        Assert.Equal(1, scores.ExitCode);
        Assert.Contains("No scores for org 'nobody'", scores.Error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
