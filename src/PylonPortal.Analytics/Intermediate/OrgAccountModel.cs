using LinqToDB;
using LinqToDB.Async;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Staging;

namespace PylonPortal.Analytics.Intermediate;

/// <summary>int_org_account, rebuilt whole each run (one row per linked org: small).</summary>
internal static class OrgAccountModel
{
    public static async Task BuildAsync(BuildContext ctx, PipelineRunStep step)
    {
        var db = ctx.Db;
        step.RowsDeleted = await db.GetTable<IntOrgAccount>().DeleteAsync();
        var ranked = db.GetTable<StgAccount>()
            .Where(a => !a.IsDeleted && a.PylonOrganizationId != null)
            .Select(a => new
            {
                Account = a,
                Rank = Sql.Ext.RowNumber().Over()
                    .PartitionBy(a.PylonOrganizationId)
                    // Highest ARR first (NULL sorts lowest), then the latest modified, then the smallest Id.
                    .OrderByDesc(a.CurrentArr).ThenByDesc(a.LastModifiedDate).ThenBy(a.Id)
                    .ToValue(),
            })
            .AsSubQuery()
            .Where(x => x.Rank == 1)
            .Select(x => x.Account);
        step.RowsWritten = await ranked.InsertAsync(db.GetTable<IntOrgAccount>(), a => new IntOrgAccount
        {
            OrgId = a.PylonOrganizationId!,
            AccountId = a.Id,
            AccountName = a.Name,
            Industry = a.Industry,
            Segment = a.Segment,
            SeatTier = a.SeatTier,
            CurrentArr = a.CurrentArr,
            AnnualRevenue = a.AnnualRevenue,
            RenewalDate = a.RenewalDate,
            OwnerEmail = a.OwnerEmail,
        });
    }
}
