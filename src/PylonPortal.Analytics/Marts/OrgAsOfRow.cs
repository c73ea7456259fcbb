using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Marts;

/// <summary>The columns both derived marts carry: the org, the as-of date and its account (DESIGN section 5).</summary>
public abstract class OrgAsOfRow
{
    public string OrgId { get; set; } = "";
    public DateOnly AsOfDate { get; set; }
    public string? OrgName { get; set; }
    public string? SalesforceAccountName { get; set; }
    public string? AccountSegment { get; set; }
    public string? Industry { get; set; }
    public string? SeatTier { get; set; }
    public double? CurrentArr { get; set; }
    public bool IsPayingCustomer { get; set; }
    public string? OwnerEmail { get; set; }
    public DateTimeOffset LoadedAt { get; set; }

    internal static void Configure<T>(EntityTypeBuilder<T> e, string table) where T : OrgAsOfRow
    {
        e.ToTable(table, Schemas.Marts);
        e.HasKey(x => new { x.OrgId, x.AsOfDate });
        e.HasIndex(x => x.AsOfDate);
        e.Property(x => x.OrgId).IsOrdinal();
        e.Property(x => x.OrgName).HasMaxLength(400);
        e.Property(x => x.SalesforceAccountName).HasMaxLength(400);
        e.Property(x => x.AccountSegment).HasMaxLength(200);
        e.Property(x => x.Industry).HasMaxLength(200);
        e.Property(x => x.SeatTier).HasMaxLength(200);
        e.Property(x => x.OwnerEmail).HasMaxLength(320);
        e.Property(x => x.LoadedAt).HasColumnName("_loaded_at");
        // The org and its account first, then the mart's own columns, _loaded_at last.
        var shared = typeof(OrgAsOfRow).GetProperties().Where(p => p.Name != nameof(LoadedAt));
        var own = typeof(T).GetProperties().Where(p => p.DeclaringType == typeof(T));
        var order = 0;
        foreach (var p in shared.Concat(own))
            e.Property(p.Name).HasColumnOrder(order++);
        e.Property(x => x.LoadedAt).HasColumnOrder(order);
    }
}
