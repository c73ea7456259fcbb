namespace PylonPortal.Analytics.Database;

/// <summary>
/// SQL Server schemas. Airbyte owns <c>airbyte</c> and <c>salesforce</c>; the portal owns the rest.
/// SQLite has no schemas: there every table has its bare name.
/// </summary>
public static class Schemas
{
    public const string Airbyte = "airbyte";
    public const string Salesforce = "salesforce";
    public const string Marts = "marts";
    public const string Pipeline = "pipeline";
    public const string Portal = "portal";

    /// <summary>Quartz's tables on SQL Server: in the portal's own schema, not dbo.</summary>
    public const string QuartzTablePrefix = "[" + Portal + "].qrtz_";

    /// <summary>Ordinal, case-sensitive comparisons on SQL Server (DESIGN section 2).</summary>
    public const string BinaryCollation = "Latin1_General_100_BIN2";
}
