using System.Diagnostics;
using System.Globalization;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Demo;

/// <param name="Orgs">Customer organizations (the first ten are the hand-written cast, see <see cref="DemoCompany"/>).</param>
/// <param name="Days">Days of history, ending today (the UTC date of the clock).</param>
/// <param name="Seed">Same seed and same today: the same rows, byte for byte.</param>
public sealed record DemoDataOptions(int Orgs = 200, int Days = 180, int Seed = 42)
{
    /// <summary>The size the portal seeds on first start (Development): <c>DemoData:Orgs</c>, <c>:Days</c>, <c>:Seed</c>.</summary>
    public const string Section = "DemoData";
}

/// <summary>Raw rows written per table (re-extractions and broken rows included), and how long it took.</summary>
public sealed record DemoDataSummary(long Organizations, long Users, long Events, long Issues, long Accounts, TimeSpan Elapsed);

/// <summary>
/// Deterministic demo data for Pylon Portal: appends raw Airbyte rows to the five raw tables, as if Airbyte
/// had synced a support-platform company's product analytics, app database and Salesforce every hour.
/// It does not build the marts. Rows are streamed in batches inside one transaction: memory stays flat
/// from the default size (about 480,000 events) to 2,000 orgs x 365 days (about 9 million, the benchmark size).
/// </summary>
public sealed class DemoDataGenerator(PortalDbFactory databases, TimeProvider clock)
{
    private const int BatchSize = 20_000;
    private const int ReportEvery = 100_000;

    public async Task<DemoDataSummary> GenerateAsync(DemoDataOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Orgs, 1, nameof(options.Orgs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1, nameof(options.Days));
        var started = Stopwatch.GetTimestamp();

        var window = new DemoWindow(clock.GetUtcNow(), options.Days);
        var company = DemoCompany.Create(window, options.Orgs, options.Seed);
        var airbyte = new DemoAirbyte(window, DemoRandom.For(options.Seed, DemoStream.Airbyte));
        var accounts = new DemoSalesforceAccounts(company, window, airbyte, DemoRandom.For(options.Seed, DemoStream.Accounts));
        var issues = new DemoSupportIssues(company, window, airbyte, DemoRandom.For(options.Seed, DemoStream.Issues));
        var events = new DemoProductEvents(company, window, airbyte, DemoRandom.For(options.Seed, DemoStream.Events));
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"demo data: {options.Orgs:N0} orgs x {options.Days:N0} days ending {window.Today:yyyy-MM-dd}, seed {options.Seed}"));

        await using var context = databases.CreateForBuild(); // long writes: the build's command timeout on SQL Server
        await using var db = context.Sql();
        // SQL Server: SqlBulkCopy. SQLite has no bulk API (ProviderSpecific falls back to the same multi-row
        // INSERTs); 100 rows per statement measured fastest, in one transaction.
        var bulk = context.IsSqlServer
            ? new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }
            : new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = 100 };
        var writer = new Writer(db, bulk, progress, ct);

        await using var transaction = await db.BeginTransactionAsync(ct);
        var orgRows = await writer.WriteAsync(RawTables.Organizations, Organizations(company, airbyte));
        var userRows = await writer.WriteAsync(RawTables.Users, Users(company, airbyte));
        var accountRows = await writer.WriteAsync(RawTables.Accounts, accounts.Rows());
        var issueRows = await writer.WriteAsync(RawTables.Issues, issues.Rows());
        var eventRows = await writer.WriteAsync(RawTables.ProductEvents, events.Rows(), events.EstimatedRows());
        await transaction.CommitAsync(ct);

        var summary = new DemoDataSummary(orgRows, userRows, eventRows, issueRows, accountRows, Stopwatch.GetElapsedTime(started));
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"demo data written in {summary.Elapsed.TotalSeconds:N1} s: {orgRows:N0} organizations, {userRows:N0} users, " +
            $"{accountRows:N0} accounts, {issueRows:N0} issues, {eventRows:N0} events"));
        return summary;
    }

    private static IEnumerable<RawPylonOrganization> Organizations(DemoCompany company, DemoAirbyte airbyte) =>
        company.Orgs.Select(org => airbyte.Stamp(
            new RawPylonOrganization { Id = org.Id, Name = org.Name, Domain = org.Domain, CreatedAt = org.CreatedAt },
            airbyte.ExtractedAt(org.CreatedAt)));

    /// <summary>Every customer's users, then Pylon's staff (no org). A user who moved org has a second, later row.</summary>
    private static IEnumerable<RawPylonUser> Users(DemoCompany company, DemoAirbyte airbyte) =>
        company.Orgs.SelectMany(org => org.Users).Concat(company.Staff).Select(user => airbyte.Stamp(
            new RawPylonUser { Id = user.Id, OrganizationId = user.OrgId, Email = user.Email, Name = user.Name, CreatedAt = user.CreatedAt },
            user.MovedAt is { } moved ? airbyte.SyncAfter(moved) : airbyte.ExtractedAt(user.CreatedAt)));

    /// <summary>Streams rows to a table in batches and reports progress.</summary>
    private sealed class Writer(DataConnection db, BulkCopyOptions bulk, IProgress<string>? progress, CancellationToken ct)
    {
        public async Task<long> WriteAsync<T>(string table, IEnumerable<T> rows, long? estimate = null) where T : AirbyteRecord
        {
            long written = 0;
            foreach (var batch in rows.Chunk(BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                await db.BulkCopyAsync(bulk, batch, ct);
                written += batch.Length;
                if (estimate is not null && written % ReportEvery < BatchSize)
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{table} {written:N0} / ~{estimate:N0}"));
            }
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{table}: {written:N0} rows"));
            return written;
        }
    }
}
