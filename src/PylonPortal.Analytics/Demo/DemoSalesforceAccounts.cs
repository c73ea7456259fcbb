using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Demo;

/// <summary>
/// Salesforce <c>account</c> rows, as the org's sketch says: one live account for most orgs, none for
/// self-serve workspaces, a parent plus a regional account for some, and for others a duplicate that sales
/// later deleted (Airbyte re-extracts it with IsDeleted = true), carrying a higher ARR than the live one.
/// CSMs touch some accounts during the window, so Airbyte extracts them again.
/// </summary>
internal sealed class DemoSalesforceAccounts(DemoCompany company, DemoWindow window, DemoAirbyte airbyte, DemoRandom random)
{
    private const double TouchedShare = 0.25;

    public IEnumerable<RawSalesforceAccount> Rows()
    {
        foreach (var org in company.Orgs)
        {
            var sketch = org.Sketch;
            if (sketch.Accounts == AccountShape.None) continue;

            var main = Account(org, sketch.Name, sketch.Arr, sketch.RenewalInDays, sketch.Owner ?? random.Pick(DemoCatalog.CsmEmails));
            foreach (var row in Extracted(main)) yield return row;

            if (sketch.Accounts == AccountShape.TwoLive)
            {
                var emea = Account(org, sketch.Name + " EMEA", Math.Round(sketch.Arr * 0.4m ?? 0, 0), sketch.RenewalInDays + 60,
                    random.Pick(DemoCatalog.CsmEmails));
                foreach (var row in Extracted(emea)) yield return row;
            }
            else if (sketch.Accounts == AccountShape.WithDeletedDuplicate)
            {
                var duplicate = Account(org, sketch.Name + " (old)", Math.Round(sketch.Arr * 1.5m ?? 100_000, 0), sketch.RenewalInDays,
                    main.OwnerEmailC);
                yield return airbyte.Stamp(duplicate, airbyte.ExtractedAt(duplicate.LastModifiedDate!.Value));
                var deletedAt = SometimeAfter(duplicate.LastModifiedDate!.Value) ?? window.Now;
                yield return airbyte.Stamp(Copy(duplicate, deletedAt, deleted: true), airbyte.SyncAfter(deletedAt));
            }
        }
    }

    private RawSalesforceAccount Account(DemoOrg org, string name, decimal? arr, int? renewalInDays, string? owner)
    {
        var segment = org.Sketch.Segment;
        // Sales opened the account up to two months before the workspace was created.
        var createdDate = org.CreatedAt.AddDays(-random.Next(0, 60)).AddHours(-random.Next(24));
        var modified = createdDate.AddDays(random.Next(0, 30));
        return new RawSalesforceAccount
        {
            Id = "001" + random.Alphanumeric(15),
            Name = name,
            Industry = org.Industry,
            AnnualRevenue = random.Chance(0.1) ? null : AnnualRevenue(segment),
            SegmentC = segment,
            SeatTierC = arr == 0 ? random.Pick(["Free", "Trial"])
                : segment switch
                {
                    Segments.Enterprise => "Enterprise",
                    Segments.MidMarket => random.Pick(["Growth", "Scale"]),
                    _ => random.Pick(["Starter", "Growth"]),
                },
            CurrentArrC = arr,
            PylonOrganizationIdC = org.Id,
            RenewalDateC = renewalInDays is { } days ? window.Today.AddDays(days) : null,
            OwnerEmailC = owner,
            IsDeleted = false,
            CreatedDate = createdDate,
            LastModifiedDate = modified < window.Now ? modified : window.Now,
        };
    }

    /// <summary>The account as of its last change, and again when a CSM touches it during the window.</summary>
    private IEnumerable<RawSalesforceAccount> Extracted(RawSalesforceAccount account)
    {
        yield return airbyte.Stamp(account, airbyte.ExtractedAt(account.LastModifiedDate!.Value));
        if (!random.Chance(TouchedShare)) yield break;
        if (SometimeAfter(account.LastModifiedDate!.Value) is { } touchedAt)
            yield return airbyte.Stamp(Copy(account, touchedAt, deleted: false), airbyte.SyncAfter(touchedAt));
    }

    /// <summary>Office hours on a window day after <paramref name="after"/>'s day, before now; null when there is none.</summary>
    private DateTimeOffset? SometimeAfter(DateTimeOffset after)
    {
        var from = Math.Max(0, window.DayOf(after) + 1);
        if (from > window.LastDay) return null;
        var at = window.At(random.Next(from, window.Days), random.Next(9 * 3600, 17 * 3600));
        return at < window.Now ? at : null;
    }

    /// <summary>Company revenue (not what they pay Pylon), by segment, rounded to 100k.</summary>
    private decimal AnnualRevenue(string segment)
    {
        var revenue = segment switch
        {
            Segments.Enterprise => random.Between(200e6, 5e9),
            Segments.MidMarket => random.Between(20e6, 200e6),
            _ => random.Between(1e6, 20e6),
        };
        return Math.Round((decimal)revenue / 100_000) * 100_000;
    }

    private static RawSalesforceAccount Copy(RawSalesforceAccount a, DateTimeOffset modified, bool deleted) => new()
    {
        Id = a.Id, Name = a.Name, Industry = a.Industry, AnnualRevenue = a.AnnualRevenue, SegmentC = a.SegmentC,
        SeatTierC = a.SeatTierC, CurrentArrC = a.CurrentArrC, PylonOrganizationIdC = a.PylonOrganizationIdC,
        RenewalDateC = a.RenewalDateC, OwnerEmailC = a.OwnerEmailC, IsDeleted = deleted,
        CreatedDate = a.CreatedDate, LastModifiedDate = modified,
    };
}
