using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.Export;

/// <summary>The CSV exports on the real app (demo data, development sign-in): roles, antiforgery, and the rows they return.</summary>
[Collection(PortalCollection.Name)]
public class ExportEndpointTests(PortalAppFactory portal)
{
    [Fact]
    public async Task Health_export_is_a_UTF8_CSV_with_a_BOM_holding_exactly_the_filtered_rows_in_the_requested_order()
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var response = await client.PostAsync("/export/health.csv", Form(token, ("band", "Watch"), ("sort", "arr"), ("dir", "desc"), ("page", "2")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Matches(@"^health-(\d{4}-\d{2}-\d{2}|latest)\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var records = CsvText.Records(Encoding.UTF8.GetString(bytes[3..]));
        var (latest, expected) = await ExpectedAsync(r => r.HealthBand == "Watch");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), records.Select(r => r["org_id"]).Order());
        Assert.All(records, r => Assert.Equal("Watch", r["health_band"]));
        Assert.All(records, r => Assert.Equal(latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r["as_of_date"]));
        var arr = records.Select(r => r["current_arr"]).Where(a => a != "").Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(arr.OrderByDescending(a => a), arr);
    }

    [Fact]
    public async Task My_accounts_in_the_export_are_the_signed_in_users()
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var response = await client.PostAsync("/export/health.csv", Form(token, ("mine", "true")));

        var records = CsvText.Records(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
        var (_, expected) = await ExpectedAsync(r => r.OwnerEmail == "dev@localhost");
        Assert.Equal(expected.Order(), records.Select(r => r["org_id"]).Order());
    }

    [Fact]
    public async Task References_export_has_the_candidates_by_default_and_more_when_asked()
    {
        var client = await portal.SignedInClientAsync("Marketing");
        var token = await AntiforgeryTokenAsync(client, "/references");

        var candidates = await ExportAsync(client, "/export/references.csv", token);
        var everyone = await ExportAsync(client, "/export/references.csv", token, ("all", "true"), ("min", "0"));

        var (_, expectedCandidates) = await ExpectedAsync(r => r.IsReferenceCandidate);
        var (_, all) = await ExpectedAsync(_ => true);
        Assert.Equal(expectedCandidates.Order(), candidates.Select(r => r["org_id"]).Order());
        Assert.All(candidates, r => Assert.Equal("true", r["is_reference_candidate"]));
        Assert.Equal(all.Order(), everyone.Select(r => r["org_id"]).Order());
        var readiness = everyone.Select(r => decimal.Parse(r["reference_readiness_score"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(readiness.OrderByDescending(x => x), readiness);
    }

    [Theory]
    [InlineData("/export/health.csv")]
    [InlineData("/export/references.csv")]
    public async Task An_org_without_a_name_is_exported_under_the_name_the_page_shows_beside_its_id(string path)
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var records = await ExportAsync(client, path, token, ("all", "true"), ("min", "0"));

        // The demo data sends system events for two org ids Pylon's organizations table does not have.
        var (_, unnamed) = await ExpectedAsync(r => r.OrgName == null && r.SalesforceAccountName == null);
        Assert.NotEmpty(unnamed);
        Assert.All(unnamed, id => Assert.Equal($"Unnamed org {id[..8]}", records.Single(r => r["org_id"] == id)["org_name"]));
    }

    [Theory]
    [InlineData("/export/health.csv", "date", "0001-01-01", "There are no scores for 0001-01-01 (field 'date'); scores exist from ")]
    [InlineData("/export/references.csv", "date", "9999-12-31", "There are no scores for 9999-12-31 (field 'date')")]
    [InlineData("/export/health.csv", "date", "yesterday", "The field 'date' must be a date as yyyy-MM-dd (was 'yesterday').")]
    [InlineData("/export/health.csv", "q", "LONG", "The field 'q' is 100,000 characters long; an export accepts at most 200.")]
    [InlineData("/export/references.csv", "segment", "LONG", "The field 'segment' is 100,000 characters long")]
    public async Task A_bad_input_is_a_400_naming_the_field_before_any_csv_byte(string path, string field, string value, string message)
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var response = await client.PostAsync(path, Form(token, (field, value == "LONG" ? new string('x', 100_000) : value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/export/health.csv")]
    [InlineData("/export/references.csv")]
    public async Task A_csv_of_customer_data_is_never_cached(string path)
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var response = await client.PostAsync(path, Form(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Theory]
    [InlineData("/export/health.csv", "health_score,health_change_30d,usage_score,engagement_score,support_score,renewal_score,trend_score,sentiment_score")]
    [InlineData("/export/references.csv", "reference_readiness_score,health_score,effective_ai_adoption_score,size_score,tenure_score")]
    public async Task Scores_and_components_are_exported_at_the_pages_one_decimal(string path, string columns)
    {
        var client = await portal.SignedInClientAsync("CS");
        var token = await AntiforgeryTokenAsync(client, "/health");

        var records = await ExportAsync(client, path, token, ("all", "true"), ("min", "0"));

        Assert.NotEmpty(records);
        foreach (var column in columns.Split(','))
            Assert.All(records, r => Assert.Matches(@"^(-?\d+\.\d)?$", r[column]));
    }

    [Theory]
    [InlineData("/export/health.csv", "PM")]
    [InlineData("/export/health.csv", "Marketing")]
    [InlineData("/export/references.csv", "PM")]
    public async Task A_role_that_may_not_see_the_page_gets_403(string path, string role)
    {
        // Authorization runs before antiforgery validation: the answer is 403 whatever the form holds.
        var client = await portal.SignedInClientAsync(role);

        var response = await client.PostAsync(path, Form(token: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/export/health.csv")]
    [InlineData("/export/references.csv")]
    public async Task A_post_without_an_antiforgery_token_is_rejected(string path)
    {
        var client = await portal.SignedInClientAsync("CS");

        var response = await client.PostAsync(path, Form(token: null, ("band", "Watch")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_post_with_a_forged_token_is_rejected()
    {
        var client = await portal.SignedInClientAsync("CS");
        await AntiforgeryTokenAsync(client, "/health");

        var response = await client.PostAsync("/export/health.csv", Form(token: "CfDJ8forged"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_post_is_refused_with_401()
    {
        // A POST cannot be replayed after a round trip through sign-in, so it is not redirected there.
        var response = await portal.AnonymousClient().PostAsync("/export/health.csv", Form(token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The token the page's export form carries (and, through the client's cookies, its cookie half).</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Concat(token is null ? [] : [KeyValuePair.Create("__RequestVerificationToken", token)]));

    private static async Task<List<Dictionary<string, string>>> ExportAsync(HttpClient client, string path, string token, params (string, string)[] fields)
    {
        var response = await client.PostAsync(path, Form(token, fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CsvText.Records(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
    }

    /// <summary>The org ids at the latest as-of date that match, straight from the mart.</summary>
    private async Task<(DateOnly Latest, List<string> OrgIds)> ExpectedAsync(
        System.Linq.Expressions.Expression<Func<Analytics.Marts.ReferenceReadiness.ReferenceReadinessRow, bool>> match)
    {
        await using var db = new PortalDbFactory(DatabaseOptions.ForSqliteFile(portal.DatabasePath)).Create();
        var latest = await db.ReferenceReadiness.MaxAsync(r => r.AsOfDate);
        return (latest, await db.ReferenceReadiness.Where(r => r.AsOfDate == latest).Where(match).Select(r => r.OrgId).ToListAsync());
    }
}
