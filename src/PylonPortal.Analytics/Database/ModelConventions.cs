using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// Conventions that keep entity configurations provider-agnostic: snake_case column names for the
/// portal's own tables, one binary collation on SQL Server for every text column of the portal's own
/// tables, and SQLite storage for types SQLite cannot compare.
/// </summary>
public static class ModelConventions
{
    /// <summary>
    /// Dates on SQLite are yyyy-MM-dd text (as EF stores them anyway), typed as text so that comparisons stay
    /// plain: typed as dates, linq2db wraps both sides of every comparison in date(), which no index can serve.
    /// </summary>
    private static readonly SqliteDateText DateAsText = new();
    public const int IdLength = 200;

    /// <summary>
    /// An id or name compared ordinally and case-sensitively (DESIGN section 2). Every portal text column is
    /// (see <see cref="Apply"/>); this names the keys among them and gives them the id length.
    /// </summary>
    public static PropertyBuilder<T> IsOrdinal<T>(this PropertyBuilder<T> property, int maxLength = IdLength) =>
        property.HasMaxLength(maxLength);

    internal static void Apply(ModelBuilder model, bool sqlServer)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            var portalOwned = !typeof(AirbyteRecord).IsAssignableFrom(entity.ClrType);
            if (!sqlServer) entity.SetSchema(null);
            foreach (var property in entity.GetProperties())
            {
                if (portalOwned && property.GetColumnName() == property.Name)
                    property.SetColumnName(SnakeCase(property.Name));
                // One collation for all the portal's own text, so no expression mixes two: COALESCE(org_name, org_id)
                // with two collations fails every SELECT (Msg 451), and a comparison fails with Msg 468
                // (https://learn.microsoft.com/sql/t-sql/statements/collation-precedence-transact-sql).
                // Airbyte's raw columns keep the database default; reads of them go through SqlFunctions.Ordinal.
                if (sqlServer && portalOwned && property.ClrType == typeof(string))
                    property.SetCollation(Schemas.BinaryCollation);
                if (!sqlServer && (property.ClrType == typeof(DateOnly) || property.ClrType == typeof(DateOnly?)))
                    ((IConventionProperty)property).SetTypeMapping(DateAsText);
            }
        }
    }

    /// <summary>SQLite cannot order or compare DateTimeOffset or decimal: store UTC text and REAL.</summary>
    internal static void ConfigureSqliteStorage(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        configuration.Properties<decimal>().HaveConversion<DecimalToDoubleConverter>();
    }

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private sealed class SqliteDateText : DateOnlyTypeMapping
    {
        public SqliteDateText() : base("TEXT", System.Data.DbType.String) { }

        private SqliteDateText(RelationalTypeMappingParameters parameters) : base(parameters) { }

        protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new SqliteDateText(parameters);

        protected override string SqlLiteralFormatString => "'{0:yyyy-MM-dd}'";
    }

    private sealed class DecimalToDoubleConverter() : ValueConverter<decimal, double>(v => (double)v, v => (decimal)v);
}
