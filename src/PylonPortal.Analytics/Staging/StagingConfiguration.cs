using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Staging;

internal sealed class StagingConfiguration :
    IEntityTypeConfiguration<StgProductEvent>, IEntityTypeConfiguration<LoadProductEvent>,
    IEntityTypeConfiguration<StgUser>, IEntityTypeConfiguration<LoadUser>,
    IEntityTypeConfiguration<StgOrganization>, IEntityTypeConfiguration<LoadOrganization>,
    IEntityTypeConfiguration<StgIssue>, IEntityTypeConfiguration<LoadIssue>,
    IEntityTypeConfiguration<StgAccount>, IEntityTypeConfiguration<LoadAccount>,
    IEntityTypeConfiguration<EventClassification>
{
    public void Configure(EntityTypeBuilder<StgProductEvent> e)
    {
        Events(e, "stg_product_events");
        e.HasIndex(x => new { x.OrgId, x.ActivityDate }); // the daily mart's touched keys
        e.HasIndex(x => x.DistinctId);                    // a moved user's events
    }

    public void Configure(EntityTypeBuilder<LoadProductEvent> e) => Events(e.HasBaseType((Type?)null), "load_product_events");

    public void Configure(EntityTypeBuilder<StgUser> e)
    {
        Users(e, "stg_pylon_users");
        e.HasIndex(x => x.OrganizationId);
    }

    public void Configure(EntityTypeBuilder<LoadUser> e) => Users(e.HasBaseType((Type?)null), "load_pylon_users");
    public void Configure(EntityTypeBuilder<StgOrganization> e) => Organizations(e, "stg_pylon_organizations");
    public void Configure(EntityTypeBuilder<LoadOrganization> e) => Organizations(e.HasBaseType((Type?)null), "load_pylon_organizations");

    public void Configure(EntityTypeBuilder<StgIssue> e)
    {
        Issues(e, "stg_pylon_issues");
        e.HasIndex(x => new { x.OrganizationId, x.CreatedDate });
    }

    public void Configure(EntityTypeBuilder<LoadIssue> e) => Issues(e.HasBaseType((Type?)null), "load_pylon_issues");

    public void Configure(EntityTypeBuilder<StgAccount> e)
    {
        Accounts(e, "stg_salesforce_accounts");
        e.HasIndex(x => x.PylonOrganizationId);
    }

    public void Configure(EntityTypeBuilder<LoadAccount> e) => Accounts(e.HasBaseType((Type?)null), "load_salesforce_accounts");

    public void Configure(EntityTypeBuilder<EventClassification> e)
    {
        e.ToTable("event_classification", Schemas.Pipeline);
        e.HasKey(x => x.Event);
        e.Property(x => x.Event).IsOrdinal(400);
        e.Property(x => x.Category).HasMaxLength(40);
    }

    private static void Events<T>(EntityTypeBuilder<T> e, string table) where T : StgProductEvent
    {
        Staged(e, table);
        e.HasKey(x => x.Uuid);
        e.Property(x => x.Uuid).IsOrdinal();
        e.Property(x => x.Event).IsOrdinal(400);
        e.Property(x => x.DistinctId).IsOrdinal();
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.MissingField).HasMaxLength(20);
        e.Property(x => x.Category).HasMaxLength(40);
    }

    private static void Users<T>(EntityTypeBuilder<T> e, string table) where T : StgUser
    {
        Staged(e, table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).IsOrdinal();
        e.Property(x => x.OrganizationId).IsOrdinal();
        e.Property(x => x.Email).HasMaxLength(320);
        e.Property(x => x.Name).HasMaxLength(400);
    }

    private static void Organizations<T>(EntityTypeBuilder<T> e, string table) where T : StgOrganization
    {
        Staged(e, table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).IsOrdinal();
        e.Property(x => x.Name).HasMaxLength(400);
        e.Property(x => x.Domain).HasMaxLength(400);
    }

    private static void Issues<T>(EntityTypeBuilder<T> e, string table) where T : StgIssue
    {
        Staged(e, table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).IsOrdinal();
        e.Property(x => x.OrganizationId).IsOrdinal();
        e.Property(x => x.Priority).IsOrdinal(40);
        e.Property(x => x.CsatScore).HasPrecision(38, 8);
    }

    private static void Accounts<T>(EntityTypeBuilder<T> e, string table) where T : StgAccount
    {
        Staged(e, table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).IsOrdinal();
        e.Property(x => x.PylonOrganizationId).IsOrdinal();
        e.Property(x => x.Name).HasMaxLength(400);
        e.Property(x => x.Industry).HasMaxLength(200);
        e.Property(x => x.Segment).HasMaxLength(200);
        e.Property(x => x.SeatTier).HasMaxLength(200);
        e.Property(x => x.OwnerEmail).HasMaxLength(320);
        e.Property(x => x.AnnualRevenue).HasPrecision(38, 8);
        e.Property(x => x.CurrentArr).HasPrecision(38, 8);
    }

    private static void Staged<T>(EntityTypeBuilder<T> e, string table) where T : StagedRow
    {
        e.ToTable(table, Schemas.Pipeline);
        e.Property(x => x.RawId).IsOrdinal();
    }
}
