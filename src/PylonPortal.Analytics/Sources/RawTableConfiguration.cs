using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Sources;

/// <summary>
/// Maps the raw tables with the column names and types Airbyte writes (DESIGN section 2).
/// They have no key: Airbyte appends, the pipeline dedupes. On SQL Server Airbyte owns them,
/// so migrations leave them alone; on SQLite the portal creates them.
/// </summary>
internal static class RawTableConfiguration
{
    public static void Configure(ModelBuilder model, bool sqlServer)
    {
        Table<RawProductEvent>(model, sqlServer, Schemas.Airbyte, RawTables.ProductEvents, e =>
        {
            e.Property(x => x.Uuid).HasColumnName("uuid");
            e.Property(x => x.Event).HasColumnName("event");
            e.Property(x => x.DistinctId).HasColumnName("distinct_id");
            e.Property(x => x.Timestamp).HasColumnName("timestamp");
            e.Property(x => x.Properties).HasColumnName("properties");
            e.Property(x => x.TeamId).HasColumnName("team_id");
        });
        Table<RawPylonUser>(model, sqlServer, Schemas.Airbyte, RawTables.Users, e =>
        {
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OrganizationId).HasColumnName("organization_id");
            e.Property(x => x.Email).HasColumnName("email");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        Table<RawPylonOrganization>(model, sqlServer, Schemas.Airbyte, RawTables.Organizations, e =>
        {
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Domain).HasColumnName("domain");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        Table<RawPylonIssue>(model, sqlServer, Schemas.Airbyte, RawTables.Issues, e =>
        {
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OrganizationId).HasColumnName("organization_id");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ResolvedAt).HasColumnName("resolved_at");
            e.Property(x => x.Priority).HasColumnName("priority");
            e.Property(x => x.CsatScore).HasColumnName("csat_score");
        });
        Table<RawSalesforceAccount>(model, sqlServer, Schemas.Salesforce, RawTables.Accounts, e =>
        {
            e.Property(x => x.Id).HasColumnName("Id");
            e.Property(x => x.Name).HasColumnName("Name");
            e.Property(x => x.Industry).HasColumnName("Industry");
            e.Property(x => x.AnnualRevenue).HasColumnName("AnnualRevenue");
            e.Property(x => x.SegmentC).HasColumnName("Segment__c");
            e.Property(x => x.SeatTierC).HasColumnName("Seat_Tier__c");
            e.Property(x => x.CurrentArrC).HasColumnName("Current_ARR__c");
            e.Property(x => x.PylonOrganizationIdC).HasColumnName("Pylon_Organization_Id__c");
            e.Property(x => x.RenewalDateC).HasColumnName("Renewal_Date__c");
            e.Property(x => x.OwnerEmailC).HasColumnName("Owner_Email__c");
            e.Property(x => x.IsDeleted).HasColumnName("IsDeleted");
            e.Property(x => x.CreatedDate).HasColumnName("CreatedDate");
            e.Property(x => x.LastModifiedDate).HasColumnName("LastModifiedDate");
        });
    }

    /// <summary>The JSON fields Airbyte types as objects: stored as TEXT on SQL Server.</summary>
    private static readonly HashSet<string> JsonColumns = [nameof(AirbyteRecord.AirbyteMeta), nameof(RawProductEvent.Properties)];

    private static void Table<T>(ModelBuilder model, bool sqlServer, string schema, string name,
        Action<EntityTypeBuilder<T>> columns) where T : AirbyteRecord
    {
        var e = model.Entity<T>();
        e.HasNoKey();
        if (sqlServer)
            e.ToTable(name, schema, t => t.ExcludeFromMigrations());
        else
            e.ToTable(name);
        e.Property(x => x.AirbyteRawId).HasColumnName("_airbyte_raw_id");
        e.Property(x => x.AirbyteExtractedAt).HasColumnName("_airbyte_extracted_at");
        e.Property(x => x.AirbyteGenerationId).HasColumnName("_airbyte_generation_id");
        e.Property(x => x.AirbyteMeta).HasColumnName("_airbyte_meta");
        e.HasIndex(x => x.AirbyteExtractedAt).HasDatabaseName($"ix_{name}_airbyte_extracted_at");
        columns(e);
        if (sqlServer)
            foreach (var p in e.Metadata.GetProperties())
            {
                // Airbyte's MSSQL destination 2.x types: NVARCHAR(MAX) for strings, TEXT for objects, arrays and unions
                // (_airbyte_meta, properties), DECIMAL(38,8), BIGINT, BIT, DATE, DATETIMEOFFSET. TEXT is not a
                // character string to JSON functions: SqlFunctions.HasAirbyteChanges casts it first.
                if (p.ClrType == typeof(string)) p.SetColumnType(JsonColumns.Contains(p.Name) ? "text" : "nvarchar(max)");
                else if (p.ClrType == typeof(decimal?)) p.SetColumnType("decimal(38,8)");
            }
    }
}
