using System.Globalization;
using System.Text;
using LinqToDB.Data;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// <c>pylon import --table NAME FILE.csv</c> (DESIGN section 2): streams a CSV into a raw table in batches
/// inside one transaction, so a file with any bad row loads nothing.
/// </summary>
public sealed class CsvImporter(PortalDbFactory databases, TimeProvider clock)
{
    /// <summary>Errors reported before reading stops: enough to fix a file in one go without flooding the console.</summary>
    public const int MaxErrors = 20;

    private const int BatchSize = 5_000;
    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.MultipleRows };

    /// <summary>Loads every row of the file into the raw table, or nothing at all (then throws <see cref="ImportException"/>).</summary>
    /// <param name="table">A bare raw table name, as in <see cref="RawTables.All"/>.</param>
    /// <param name="rowsRead">Told the number of data rows read so far, after every batch.</param>
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
        where T : AirbyteRecord, new()
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var defaults = new RowDefaults(now.ToUnixTimeMilliseconds(),
            $"csv-{now.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture)}-");

        await using var context = databases.Create();
        var columns = ImportColumn.Of(context.Model.FindEntityType(typeof(T))!);
        using var text = OpenText(path);
        var csv = new CsvReader(text);
        var errors = new List<ImportError>();
        var first = await ReadAsync(csv, errors, ct);
        var header = errors.Count > 0 ? null : ImportColumn.MatchHeader(table, columns, first, errors);
        if (header is null) throw new ImportException(table, errors);

        await using var db = context.Sql();
        await using var transaction = await db.BeginTransactionAsync(ct);
        var batch = new List<T>(BatchSize);
        long rows = 0;
        while (await ReadAsync(csv, errors, ct) is { } record)
        {
            rows++;
            if (ParseRow<T>(record, header, defaults, errors) is { } row && errors.Count == 0) batch.Add(row);
            if (errors.Count >= MaxErrors) throw new ImportException(table, errors, stoppedEarly: true);
            if (rows % BatchSize == 0) await FlushAsync();
        }
        if (errors.Count > 0) throw new ImportException(table, errors);
        if (rows % BatchSize != 0) await FlushAsync(); // the last, partial batch
        await transaction.CommitAsync(ct);
        return new ImportResult(table, rows, clock.GetElapsedTime(started));

        async Task FlushAsync()
        {
            // After an error nothing will be committed: keep validating, stop inserting.
            if (errors.Count == 0 && batch.Count > 0) await db.BulkCopyAsync(Bulk, batch, ct);
            batch.Clear();
            rowsRead?.Report(rows);
        }
    }

    /// <summary>The value of a column the file leaves out or empty: extracted "now"; a raw id in line order (ordinal), later imports after earlier ones.</summary>
    private sealed record RowDefaults(long ExtractedAt, string RawIdPrefix);

    /// <summary>The typed row, or null with its errors added.</summary>
    private static T? ParseRow<T>(CsvRecord record, ImportColumn[] header, RowDefaults defaults, List<ImportError> errors)
        where T : AirbyteRecord, new()
    {
        if (record.Error is not null)
        {
            errors.Add(new ImportError(record.Line, null, null, record.Error));
            return null;
        }
        if (record.Fields.Count != header.Length)
        {
            errors.Add(new ImportError(record.Line, null, null, $"has {record.Fields.Count} fields but the header has {header.Length}"));
            return null;
        }

        var row = new T();
        var valid = true;
        for (var i = 0; i < header.Length && errors.Count < MaxErrors; i++)
        {
            var field = record.Fields[i];
            if (field.Length == 0 || header[i].TrySet(row, field)) continue; // an empty field is NULL
            errors.Add(new ImportError(record.Line, header[i].Name, field, header[i].Reason));
            valid = false;
        }
        row.AirbyteExtractedAt ??= defaults.ExtractedAt;
        row.AirbyteRawId ??= defaults.RawIdPrefix + record.Line.ToString("D10", CultureInfo.InvariantCulture);
        return valid ? row : null;
    }

    /// <summary>The next record, or null at the end of the file or where the reader cannot go on (its error added).</summary>
    private static async Task<CsvRecord?> ReadAsync(CsvReader csv, List<ImportError> errors, CancellationToken ct)
    {
        try
        {
            return await csv.ReadAsync(ct);
        }
        catch (CsvReadException ex)
        {
            errors.Add(ex.Error);
            return null;
        }
    }

    private static StreamReader OpenText(string path) =>
        // Strict UTF-8: a file in another encoding fails instead of loading mangled text. The encoding's
        // preamble is the BOM, which StreamReader then skips when the file has one.
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false,
            new FileStreamOptions { Options = FileOptions.SequentialScan | FileOptions.Asynchronous, BufferSize = 64 * 1024 });
}
