using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Intermediate;
using PylonPortal.Analytics.Marts.AiAdoption;
using PylonPortal.Analytics.Marts.OrgDailyActivity;
using PylonPortal.Analytics.Marts.ReferenceReadiness;
using PylonPortal.Analytics.Marts.Trends;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Database;

/// <summary>
/// One model for both providers: raw sources, staging, marts, the pipeline's state and the portal's
/// Data Protection keys. Each provider has its own subclass so each keeps its own migrations.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<RawProductEvent> RawProductEvents => Set<RawProductEvent>();
    public DbSet<RawPylonUser> RawUsers => Set<RawPylonUser>();
    public DbSet<RawPylonOrganization> RawOrganizations => Set<RawPylonOrganization>();
    public DbSet<RawPylonIssue> RawIssues => Set<RawPylonIssue>();
    public DbSet<RawSalesforceAccount> RawAccounts => Set<RawSalesforceAccount>();

    public DbSet<StgProductEvent> StgProductEvents => Set<StgProductEvent>();
    public DbSet<StgUser> StgUsers => Set<StgUser>();
    public DbSet<StgOrganization> StgOrganizations => Set<StgOrganization>();
    public DbSet<StgIssue> StgIssues => Set<StgIssue>();
    public DbSet<StgAccount> StgAccounts => Set<StgAccount>();
    public DbSet<EventClassification> EventClassifications => Set<EventClassification>();

    public DbSet<IntOrgAccount> OrgAccounts => Set<IntOrgAccount>();
    public DbSet<IntOrgUserDaily> OrgUserDaily => Set<IntOrgUserDaily>();
    public DbSet<IntOrgEventDaily> OrgEventDaily => Set<IntOrgEventDaily>();
    public DbSet<IntOrgSpine> OrgSpine => Set<IntOrgSpine>();
    public DbSet<IntCalendarDate> Calendar => Set<IntCalendarDate>();
    public DbSet<IntSegmentWeeklyActivity> SegmentWeeklyActivity => Set<IntSegmentWeeklyActivity>();
    public DbSet<IntSegmentEventDaily> SegmentEventDaily => Set<IntSegmentEventDaily>();

    public DbSet<OrgDailyActivityRow> OrgDailyActivity => Set<OrgDailyActivityRow>();
    public DbSet<AiAdoptionRow> AiAdoption => Set<AiAdoptionRow>();
    public DbSet<ReferenceReadinessRow> ReferenceReadiness => Set<ReferenceReadinessRow>();

    public DbSet<PipelineRun> PipelineRuns => Set<PipelineRun>();
    public DbSet<PipelineRunStep> PipelineRunSteps => Set<PipelineRunStep>();
    public DbSet<PipelineCheckResult> PipelineCheckResults => Set<PipelineCheckResult>();
    public DbSet<PipelineRowIssue> PipelineRowIssues => Set<PipelineRowIssue>();
    public DbSet<PipelineWatermark> PipelineWatermarks => Set<PipelineWatermark>();
    public DbSet<PipelineLock> PipelineLocks => Set<PipelineLock>();

    public DbSet<ScoreChange> ScoreChanges => Set<ScoreChange>();
    public DbSet<ScoreChangeRun> ScoreChangeRuns => Set<ScoreChangeRun>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public bool IsSqlServer => Database.IsSqlServer();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        if (!IsSqlServer) ModelConventions.ConfigureSqliteStorage(configuration);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        RawTableConfiguration.Configure(model, IsSqlServer);
        model.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        model.Entity<DataProtectionKey>().ToTable("data_protection_keys", Schemas.Portal);
        ModelConventions.Apply(model, IsSqlServer);
    }
}

/// <summary>The embedded default: one SQLite file. Migrations under Database/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>Production: SQL Server / Azure SQL. Migrations under Database/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
