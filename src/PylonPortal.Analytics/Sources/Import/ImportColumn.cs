using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// A raw table's column as a CSV header names it. Names come from the EF model, the one place that
/// maps the contract's column names (RawTableConfiguration).
/// </summary>
internal sealed class ImportColumn(string name, string property, bool required, ValueKind kind)
{
    public string Name => name;

    /// <summary>The model's property: <c>_airbyte_extracted_at</c> and <c>_airbyte_raw_id</c> get defaults when left out.</summary>
    public string Property => property;

    /// <summary>Airbyte's own <c>_airbyte_*</c> columns may be left out of a CSV; the contract's columns may not.</summary>
    public bool Required => required;

    public ValueKind Kind => kind;

    /// <summary>What the column expects, for an error about a value it cannot read.</summary>
    public string Reason => ValueParser.Reason(kind);

    public static IReadOnlyList<ImportColumn> Of(IEntityType entity) =>
        entity.GetProperties().Select(p => new ImportColumn(p.GetColumnName(), p.Name,
            p.PropertyInfo!.DeclaringType != typeof(AirbyteRecord), ValueParser.KindOf(p.PropertyInfo!))).ToList();

    /// <summary>
    /// The column of each header field (names match case-insensitively, in any order), or null with the
    /// errors: an empty file, an unknown or repeated name, a required column left out.
    /// </summary>
    public static ImportColumn[]? MatchHeader(string table, IReadOnlyList<ImportColumn> columns, CsvRecords csv, bool any, List<ImportError> errors)
    {
        if (csv.Problem is { } problem)
        {
            errors.Add(new ImportError(problem.Line, null, null, $"the header row {problem.Reason}"));
            return null;
        }
        if (!any)
        {
            errors.Add(new ImportError(1, null, null, "the file is empty; expected a header row of column names"));
            return null;
        }

        var byName = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var matched = new ImportColumn[csv.Count];
        for (var i = 0; i < matched.Length; i++)
        {
            // Hand-written headers often have a space after each comma.
            var field = csv[i].Trim().ToString();
            if (field.Length == 0)
                errors.Add(new ImportError(csv.Line, null, null, $"header field {i + 1} is empty; expected a column name"));
            else if (!byName.TryGetValue(field, out var column))
                errors.Add(new ImportError(csv.Line, field, null,
                    $"unknown column; {table} has {string.Join(", ", columns.Select(c => c.Name))}"));
            else if (matched.Contains(column))
                errors.Add(new ImportError(csv.Line, field, null, "appears more than once in the header"));
            else
                matched[i] = column;
        }
        foreach (var missing in columns.Where(c => c.Required && !matched.Contains(c)))
            errors.Add(new ImportError(csv.Line, missing.Name, null, "required column is missing from the header"));
        return errors.Count == 0 ? matched : null;
    }
}
