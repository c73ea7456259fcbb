using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Tests.Export;
using PylonPortal.Web.Tests.Security;
using static PylonPortal.Web.Tests.Changes.ChangeFixtures;

namespace PylonPortal.Web.Tests.Changes;

/// <summary>The changes page and its CSV export over HTTP on the real app (demo data, development sign-in).</summary>
[Collection(PortalCollection.Name)]
public class ChangesHttpTests(PortalAppFactory portal)
{
    private async Task<DateOnly> AddChangesAsync(params Func<DateOnly, ScoreChange>[] changes)
    {
        await portal.PreparedAsync(); // the first start's build stores changes of its own: add after it
        await using var db = portal.Services.GetRequiredService<PortalDbFactory>().Create();
        var asOf = db.ScoreChanges.Max(c => (DateOnly?)c.AsOfDate) ?? new DateOnly(2024, 3, 31);
        db.ScoreChanges.AddRange(changes.Select(c => c(asOf)));
        await db.SaveChangesAsync();
        return asOf;
    }

    [Fact]
    public async Task A_CSM_sees_a_stored_change_on_the_page_filtered_by_the_URL()
    {
        await AddChangesAsync(d => Change("http-page-org", ChangeKinds.Renewal30, d, owner: "http-page@example.com"));
        var client = await portal.SignedInClientAsync("CS");

        var mine = await client.GetStringAsync("/changes?owner=http-page@example.com");
        var others = await client.GetStringAsync("/changes?owner=http-page@example.com&kind=left_risk");

        Assert.Contains("http-page-org account", mine);
        Assert.Contains("Renewal within 30 days", mine);
        Assert.DoesNotContain("http-page-org", others);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_changes()
    {
        await AddChangesAsync(
            d => Change("http-csv-big", ChangeKinds.HealthDrop, d, owner: "http-csv@example.com", arr: 300_000),
            d => Change("http-csv-small", ChangeKinds.HealthDrop, d, owner: "http-csv@example.com", arr: 1_000));
        var client = await portal.SignedInClientAsync("Admin");
        var token = await AntiforgeryTokens.ForAsync(client);

        var response = await client.PostAsync("/export/changes.csv",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["owner"] = "http-csv@example.com", ["minarr"] = "50000",
            }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var records = CsvText.Records(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
        var record = Assert.Single(records);
        Assert.Equal(("http-csv-big", "health_drop", "Usage", "300000"), (record["org_id"], record["kind"], record["component"], record["current_arr"]));
    }
}
