using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// <c>pylon import --table NAME FILE.csv</c> (DESIGN section 2): streams a CSV into a raw table inside one
/// transaction, so a file with any bad row loads nothing.
/// </summary>
public sealed class CsvImporter(PortalDbFactory databases, TimeProvider clock)
{
    /// <summary>Errors reported before reading stops: enough to fix a file in one go without flooding the console.</summary>
    public const int MaxErrors = 20;

    /// <summary>Loads every row of the file into the raw table, or nothing at all (then throws <see cref="ImportException"/>).</summary>
    /// <param name="table">A bare raw table name, as in <see cref="RawTables.All"/>.</param>
    /// <param name="rowsRead">Told the number of data rows read so far, every 5,000 rows and at the end.</param>
    public async Task<ImportResult> ImportAsync(string table, string path, IProgress<long>? rowsRead = null, CancellationToken ct = default) =>
        table switch
        {
            RawTables.ProductEvents => await ImportAsync<RawProductEvent>(table, path, rowsRead, ct),
            RawTables.Users => await ImportAsync<RawPylonUser>(table, path, rowsRead, ct),
            RawTables.Organizations => await ImportAsync<RawPylonOrganization>(table, path, rowsRead, ct),
            RawTables.Issues => await ImportAsync<RawPylonIssue>(table, path, rowsRead, ct),
            RawTables.Accounts => await ImportAsync<RawSalesforceAccount>(table, path, rowsRead, ct),
            _ => throw new ImportException(null,
                [new ImportError(0, null, table, $"is not a raw table; expected one of {string.Join(", ", RawTables.All)}")]),
        };

    private async Task<ImportResult> ImportAsync<T>(string table, string path, IProgress<long>? rowsRead, CancellationToken ct)
        where T : AirbyteRecord
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var rawIdPrefix = $"csv-{now.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture)}-";

        await using var context = databases.CreateForBuild(); // long writes: the build's command timeout on SQL Server
        var entity = context.Model.FindEntityType(typeof(T))!;
        var columns = ImportColumn.Of(entity);
        using var csv = CsvRecords.Open(path);
        var errors = new List<ImportError>();
        var header = ImportColumn.MatchHeader(table, columns, csv, csv.MoveNext(), errors);
        if (header is null) throw new ImportException(table, errors);

        await context.Database.OpenConnectionAsync(ct);
        var connection = context.Database.GetDbConnection();
        await using var transaction = await BeginAsync(connection, table, ct);
        using var rows = new ImportRows(csv, header, columns, now.ToUnixTimeMilliseconds(), rawIdPrefix, errors, rowsRead, ct);
        await RawRowWriter.WriteAsync(connection, transaction, QualifiedName(entity, context.IsSqlServer), rows, ct);
        if (errors.Count > 0) throw new ImportException(table, errors, rows.StoppedEarly); // rolls back
        await transaction.CommitAsync(ct);
        return new ImportResult(table, rows.Rows, clock.GetElapsedTime(started));
    }

    /// <summary>Takes the write lock at once (SQLite: BEGIN IMMEDIATE), waiting up to Database:LockTimeoutSeconds behind a build.</summary>
    private async Task<DbTransaction> BeginAsync(DbConnection connection, string table, CancellationToken ct)
    {
        try
        {
            return await connection.BeginTransactionAsync(ct);
        }
        catch (Exception ex) when (BuildLock.IsLockTimeout(ex))
        {
            throw new BuildAlreadyRunningException(
                $"Import into {table} gave up after waiting {databases.Options.LockTimeoutSeconds} s (Database:LockTimeoutSeconds) " +
                "for the database lock, which a build holds; nothing was loaded. Try again when the build finishes.", ex);
        }
    }

    private static string QualifiedName(IEntityType entity, bool sqlServer) => sqlServer
        ? $"[{entity.GetSchema()}].[{entity.GetTableName()}]"
        : entity.GetTableName()!; // SQLite has no schemas; SqliteStatement.Insert quotes the name
}
