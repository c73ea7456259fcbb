using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PylonPortal.Analytics.Sources.Import;

/// <summary>
/// A raw table's column as a CSV header names it. Names come from the EF model, the one place that
/// maps the contract's column names (RawTableConfiguration).
/// </summary>
internal sealed class ImportColumn(string name, PropertyInfo property)
{
    private readonly ValueParser _parser = ValueParser.For(property);

    public string Name => name;

    /// <summary>Airbyte's own <c>_airbyte_*</c> columns may be left out of a CSV; the contract's columns may not.</summary>
    public bool Required => property.DeclaringType != typeof(AirbyteRecord);

    /// <summary>What the column expects, for an error about a value it cannot read.</summary>
    public string Reason => _parser.Reason;

    /// <summary>Sets the column from a non-empty field; false when the text is not a valid value.</summary>
    public bool TrySet(AirbyteRecord row, string text)
    {
        var value = _parser.Parse(text);
        if (value is null) return false;
        property.SetValue(row, value);
        return true;
    }

    public static IReadOnlyList<ImportColumn> Of(IEntityType entity) =>
        entity.GetProperties().Select(p => new ImportColumn(p.GetColumnName(), p.PropertyInfo!)).ToList();

    /// <summary>
    /// The column of each header field (names match case-insensitively, in any order), or null with the
    /// errors: an empty file, an unknown or repeated name, a required column left out.
    /// </summary>
    public static ImportColumn[]? MatchHeader(string table, IReadOnlyList<ImportColumn> columns, CsvRecord? header, List<ImportError> errors)
    {
        if (header is null)
        {
            errors.Add(new ImportError(1, null, null, "the file is empty; expected a header row of column names"));
            return null;
        }
        if (header.Error is not null)
        {
            errors.Add(new ImportError(header.Line, null, null, $"the header row {header.Error}"));
            return null;
        }

        var byName = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var matched = new ImportColumn[header.Fields.Count];
        for (var i = 0; i < matched.Length; i++)
        {
            // Hand-written headers often have a space after each comma.
            var field = header.Fields[i].Trim();
            if (field.Length == 0)
                errors.Add(new ImportError(header.Line, null, null, $"header field {i + 1} is empty; expected a column name"));
            else if (!byName.TryGetValue(field, out var column))
                errors.Add(new ImportError(header.Line, field, null,
                    $"unknown column; {table} has {string.Join(", ", columns.Select(c => c.Name))}"));
            else if (matched.Contains(column))
                errors.Add(new ImportError(header.Line, field, null, "appears more than once in the header"));
            else
                matched[i] = column;
        }
        foreach (var missing in columns.Where(c => c.Required && !matched.Contains(c)))
            errors.Add(new ImportError(header.Line, missing.Name, null, "required column is missing from the header"));
        return errors.Count == 0 ? matched : null;
    }
}
