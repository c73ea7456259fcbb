using Microsoft.EntityFrameworkCore.Migrations;

namespace PylonPortal.Analytics.Database.Migrations.Sqlite;

/// <summary>
/// SQLite cannot change a table's kind (WITHOUT ROWID or not) or its key in place: a new table, its rows copied, the
/// old one dropped with its indexes, the new one renamed and its indexes made again. EF Core cannot declare WITHOUT ROWID
/// (dotnet/efcore#36888), so a later migration that rebuilds such a table must keep it: <c>SqliteFileTests</c> checks it.
/// </summary>
internal static class SqliteTableRebuild
{
    public static void Rebuild(MigrationBuilder migrationBuilder, string table, string definition, string options, params string[] indexes) =>
        Rebuild(migrationBuilder, table, definition, options, columns: [], indexes);

    /// <param name="columns">The columns the two shapes share, copied by name; none: every column, in order.</param>
    public static void Rebuild(MigrationBuilder migrationBuilder, string table, string definition, string options, string[] columns, params string[] indexes)
    {
        var copied = columns.Length == 0 ? "*" : string.Join(", ", columns.Select(c => $"\"{c}\""));
        var into = columns.Length == 0 ? "" : $" ({copied})";
        RebuildWithCopy(migrationBuilder, table, definition, options,
            temp => $"""INSERT INTO "{temp}"{into} SELECT {copied} FROM "{table}";""", indexes);
    }

    /// <param name="copy">The statement that fills the new table (named by its argument) from the old one.</param>
    public static void RebuildWithCopy(MigrationBuilder migrationBuilder, string table, string definition, string options,
        Func<string, string> copy, params string[] indexes)
    {
        var temp = $"ef_temp_{table}";
        migrationBuilder.Sql($"""CREATE TABLE "{temp}" ({definition}) {options};""");
        migrationBuilder.Sql(copy(temp));
        migrationBuilder.Sql($"""DROP TABLE "{table}";""");
        migrationBuilder.Sql($"""ALTER TABLE "{temp}" RENAME TO "{table}";""");
        foreach (var index in indexes) migrationBuilder.Sql(index);
    }
}
