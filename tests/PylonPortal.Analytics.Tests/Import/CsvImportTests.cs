using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Sources;
using PylonPortal.Analytics.Sources.Import;

namespace PylonPortal.Analytics.Tests.Import;

/// <summary><c>pylon import</c> (DESIGN section 2) against a real SQLite file.</summary>
public sealed class CsvImportTests : IAsyncLifetime
{
    private const string EventsHeader = "uuid,event,distinct_id,timestamp,properties,team_id";
    private const string GoodEvent = "e1,issue:created,u1,2024-03-01T00:00:00Z,{},1";

    private TestDatabase _db = null!;
    private int _files;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private long NowMs => _db.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task Product_events_load_with_typed_values_from_a_file_with_a_bom_and_crlf_line_ends()
    {
        var path = await CsvAsync("""
            TEAM_ID,uuid,Event,distinct_id,timestamp,properties,_airbyte_extracted_at,_airbyte_raw_id,_airbyte_generation_id,_airbyte_meta
            7,e1,issue:created,u1,2024-03-30T10:00:00+02:00,"{""plan"":""pro, annual""}",1711800000000,r1,3,"{""sync_id"":1,""changes"":[]}"
            ,e2,frontend:click,org-o1,2024-03-30 23:30:00.250,,2024-03-30T12:00:00-01:00,r2,,
            """, bom: true, crlf: true);

        var result = await Importer().ImportAsync(RawTables.ProductEvents, path);

        Assert.Equal(new ImportResult(RawTables.ProductEvents, 2, result.Elapsed), result);
        var rows = (await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking())).OrderBy(r => r.Uuid, StringComparer.Ordinal).ToList();
        Assert.Collection(rows,
            e1 =>
            {
                Assert.Equal(7, e1.TeamId);
                Assert.Equal("issue:created", e1.Event);
                Assert.Equal("u1", e1.DistinctId);
                Assert.Equal(Raw.Ts("2024-03-30T08:00:00Z"), e1.Timestamp);
                Assert.Equal("""{"plan":"pro, annual"}""", e1.Properties);
                Assert.Equal(1711800000000, e1.AirbyteExtractedAt);
                Assert.Equal("r1", e1.AirbyteRawId);
                Assert.Equal(3, e1.AirbyteGenerationId);
                Assert.Equal("""{"sync_id":1,"changes":[]}""", e1.AirbyteMeta);
            },
            e2 =>
            {
                Assert.Null(e2.TeamId);
                Assert.Equal("org-o1", e2.DistinctId);
                Assert.Equal(Raw.Ts("2024-03-30T23:30:00.250Z"), e2.Timestamp);
                Assert.Null(e2.Properties);
                Assert.Equal(Raw.Ts("2024-03-30T13:00:00Z").ToUnixTimeMilliseconds(), e2.AirbyteExtractedAt);
                Assert.Equal("r2", e2.AirbyteRawId);
                Assert.Null(e2.AirbyteGenerationId);
                Assert.Null(e2.AirbyteMeta);
            });
    }

    [Fact]
    public async Task Users_load_with_quoted_commas_escaped_quotes_and_line_breaks()
    {
        var path = await CsvAsync(""""
            id,organization_id,email,name,created_at
            u1,o1,a@example.com,"Doe, Jane ""JD""",2024-01-02T03:04:05.123Z
            u2,,b@example.com,"Multi
            line",2024-01-02T03:04:05-05:00
            u3,o2,c@example.com,,
            """");

        await Importer().ImportAsync(RawTables.Users, path);

        var rows = (await _db.ReadAsync(c => c.RawUsers.AsNoTracking())).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["u1", "u2", "u3"], rows.Select(r => r.Id));
        Assert.Equal(["o1", null, "o2"], rows.Select(r => r.OrganizationId));
        Assert.Equal(["Doe, Jane \"JD\"", "Multi\nline", null], rows.Select(r => r.Name));
        Assert.Equal([Raw.Ts("2024-01-02T03:04:05.123Z"), Raw.Ts("2024-01-02T08:04:05Z"), null], rows.Select(r => r.CreatedAt));
    }

    [Fact]
    public async Task Organizations_load_with_headers_in_any_case_and_timestamps_without_an_offset_as_utc()
    {
        var path = await CsvAsync("""
            CREATED_AT,Name,ID,domain
            2022-01-01,Acme,o1,acme.example.com
            2022-06-15T00:00:00+05:30,"Beta, Inc",o2,
            """, crlf: true);

        await Importer().ImportAsync(RawTables.Organizations, path);

        var rows = (await _db.ReadAsync(c => c.RawOrganizations.AsNoTracking())).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["Acme", "Beta, Inc"], rows.Select(r => r.Name));
        Assert.Equal(["acme.example.com", null], rows.Select(r => r.Domain));
        Assert.Equal([Raw.Ts("2022-01-01T00:00:00Z"), Raw.Ts("2022-06-14T18:30:00Z")], rows.Select(r => r.CreatedAt));
    }

    [Fact]
    public async Task Issues_load_with_decimal_scores_and_empty_fields_as_null()
    {
        var path = await CsvAsync("""
            id,organization_id,created_at,resolved_at,priority,csat_score
            i1,o1,2024-03-01T09:00:00Z,2024-03-02T09:00:00Z,urgent,4.5
            i2,o1,2024-03-03T09:00:00Z,,low,
            i3,o2,2024-03-04T09:00:00Z,,,-1
            """);

        await Importer().ImportAsync(RawTables.Issues, path);

        var rows = (await _db.ReadAsync(c => c.RawIssues.AsNoTracking())).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal([4.5m, null, -1m], rows.Select(r => r.CsatScore));
        Assert.Equal([Raw.Ts("2024-03-02T09:00:00Z"), null, null], rows.Select(r => r.ResolvedAt));
        Assert.Equal(["urgent", "low", null], rows.Select(r => r.Priority));
    }

    [Fact]
    public async Task Accounts_load_with_booleans_in_any_case_dates_and_decimals()
    {
        var path = await CsvAsync("""
            Id,Name,Industry,AnnualRevenue,Segment__c,Seat_Tier__c,Current_ARR__c,Pylon_Organization_Id__c,Renewal_Date__c,Owner_Email__c,IsDeleted,CreatedDate,LastModifiedDate
            a1,Acme,Software,1234567.89,Enterprise,Growth,120000.50,o1,2024-12-31,csm@example.com,TRUE,2022-01-01T00:00:00Z,2024-03-01T10:00:00+01:00
            a2,Beta,,1e6,SMB,Starter,0,o2,,,false,2022-01-01,2024-03-01
            a3,Gamma,,,,,,o3,,,1,,
            a4,Delta,,,,,,o4,,,0,,
            a5,Epsilon,,,,,,o5,,,fAlSe,,
            a6,Zeta,,,,,,o6,,,,,
            """);

        await Importer().ImportAsync(RawTables.Accounts, path);

        var rows = (await _db.ReadAsync(c => c.RawAccounts.AsNoTracking())).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal([true, false, true, false, false, null], rows.Select(r => r.IsDeleted));
        var a1 = rows[0];
        Assert.Equal(1234567.89m, a1.AnnualRevenue);
        Assert.Equal(120000.50m, a1.CurrentArrC);
        Assert.Equal(("Enterprise", "Growth", "o1", "csm@example.com"), (a1.SegmentC, a1.SeatTierC, a1.PylonOrganizationIdC, a1.OwnerEmailC));
        Assert.Equal(new DateOnly(2024, 12, 31), a1.RenewalDateC);
        Assert.Equal(Raw.Ts("2022-01-01T00:00:00Z"), a1.CreatedDate);
        Assert.Equal(Raw.Ts("2024-03-01T09:00:00Z"), a1.LastModifiedDate);
        var a2 = rows[1];
        Assert.Equal((1_000_000m, 0m, (DateOnly?)null, (string?)null), (a2.AnnualRevenue, a2.CurrentArrC, a2.RenewalDateC, a2.Industry));
        Assert.Equal(Raw.Ts("2024-03-01T00:00:00Z"), a2.LastModifiedDate);
    }

    [Fact]
    public async Task Generated_raw_ids_sort_in_line_order_and_a_later_import_sorts_after_an_earlier_one()
    {
        var first = await CsvAsync($$"""
            {{EventsHeader}}
            e1,x,u1,2024-03-01T00:00:00Z,"{
            }",1
            e2,x,u1,2024-03-01T00:00:00Z,{},1
            """);
        await Importer().ImportAsync(RawTables.ProductEvents, first);
        _db.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await CsvAsync($$"""
            {{EventsHeader}}
            e3,x,u1,2024-03-01T00:00:00Z,{},1
            """);
        await Importer().ImportAsync(RawTables.ProductEvents, second);

        var rows = await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking());
        var idsInOrdinalOrder = rows.OrderBy(r => r.AirbyteRawId, StringComparer.Ordinal).Select(r => r.Uuid);
        Assert.Equal(["e1", "e2", "e3"], idsInOrdinalOrder);
        // The record of e2 starts on line 4 because e1's properties span lines 2-3.
        Assert.Equal("csv-202403311200000000000-0000000004", rows.Single(r => r.Uuid == "e2").AirbyteRawId);
        Assert.Equal("csv-202403311200000010000-0000000002", rows.Single(r => r.Uuid == "e3").AirbyteRawId);
    }

    [Fact]
    public async Task A_missing_extracted_at_column_or_empty_value_means_now_by_the_clock()
    {
        var withoutColumn = await CsvAsync($$"""
            {{EventsHeader}}
            {{GoodEvent}}
            """);
        var withEmptyValue = await CsvAsync("""
            uuid,event,distinct_id,timestamp,properties,team_id,_airbyte_extracted_at,_airbyte_raw_id
            e2,x,u1,2024-03-01T00:00:00Z,,1,,
            """);

        await Importer().ImportAsync(RawTables.ProductEvents, withoutColumn);
        await Importer().ImportAsync(RawTables.ProductEvents, withEmptyValue);

        var rows = await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking());
        Assert.Equal([NowMs, NowMs], rows.Select(r => r.AirbyteExtractedAt));
        Assert.All(rows, r => Assert.StartsWith("csv-", r.AirbyteRawId));
    }

    [Fact]
    public async Task A_header_only_file_loads_no_rows()
    {
        var result = await Importer().ImportAsync(RawTables.ProductEvents, await CsvAsync(EventsHeader + "\n"));

        Assert.Equal(0, result.Rows);
    }

    [Theory]
    [InlineData(RawTables.ProductEvents, EventsHeader, "e2,x,u1,03/04/2024,{},1", "timestamp", "03/04/2024", "is not an ISO 8601 timestamp")]
    [InlineData(RawTables.ProductEvents, EventsHeader, "e2,x,u1,2024-03-04 oops,{},1", "timestamp", "2024-03-04 oops", "is not an ISO 8601 timestamp")]
    [InlineData(RawTables.ProductEvents, EventsHeader, "e2,x,u1,2024-03-01T00:00:00Z,{},12a", "team_id", "12a", "is not an integer")]
    [InlineData(RawTables.ProductEvents, EventsHeader, "e2,x,u1,2024-03-01T00:00:00Z,{not json,1", "properties", "{not json", "is not valid JSON")]
    [InlineData(RawTables.ProductEvents, EventsHeader + ",_airbyte_extracted_at", "e2,x,u1,2024-03-01T00:00:00Z,{},1,yesterday",
        "_airbyte_extracted_at", "yesterday", "is neither epoch milliseconds nor an ISO 8601 timestamp")]
    [InlineData(RawTables.ProductEvents, EventsHeader + ",_airbyte_meta", "e2,x,u1,2024-03-01T00:00:00Z,{},1,\"{\"\"sync_id\"\":}\"",
        "_airbyte_meta", "{\"sync_id\":}", "is not valid JSON")]
    [InlineData(RawTables.Users, "id,organization_id,email,name,created_at", "u2,o1,a@x,A,2024-02-30T00:00:00Z",
        "created_at", "2024-02-30T00:00:00Z", "is not an ISO 8601 timestamp")]
    [InlineData(RawTables.Issues, "id,organization_id,created_at,resolved_at,priority,csat_score", "i2,o1,2024-03-01,,low,\"4,5\"",
        "csat_score", "4,5", "is not a decimal number")]
    [InlineData(RawTables.Accounts, "Id,Name,Industry,AnnualRevenue,Segment__c,Seat_Tier__c,Current_ARR__c,Pylon_Organization_Id__c,Renewal_Date__c,Owner_Email__c,IsDeleted,CreatedDate,LastModifiedDate",
        "a2,B,,,,,,o2,,,yes,,", "IsDeleted", "yes", "is not a boolean (true, false, 1 or 0)")]
    [InlineData(RawTables.Accounts, "Id,Name,Industry,AnnualRevenue,Segment__c,Seat_Tier__c,Current_ARR__c,Pylon_Organization_Id__c,Renewal_Date__c,Owner_Email__c,IsDeleted,CreatedDate,LastModifiedDate",
        "a2,B,,,,,,o2,31/12/2024,,false,,", "Renewal_Date__c", "31/12/2024", "is not a yyyy-MM-dd date")]
    public async Task A_bad_value_is_rejected_with_its_line_column_and_value_and_nothing_loads(
        string table, string header, string badRow, string column, string value, string reason)
    {
        // A good row first: it must not be loaded either.
        var goodRow = string.Join(",", header.Split(',').Select(GoodValue));
        var path = await CsvAsync($"{header}\n{goodRow}\n{badRow}\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(table, path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((3L, column, value), (error.Line, error.Column, error.Value));
        Assert.StartsWith($"line 3, column {column}: '{value}' {reason}", error.ToString());
        Assert.Contains(error.ToString(), ex.Message);
        Assert.Equal(0, await CountAsync(table));
    }

    [Fact]
    public void Timestamps_read_by_the_fast_path_equal_what_the_general_iso_8601_path_reads()
    {
        // The shapes the fast path takes, with values in and out of range; each must parse as the general path does.
        string[] dates = ["2024-03-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "0001-01-01", "9999-12-31", "2024-04-31"];
        string[] times = ["T00:00:00", " 23:59:59", "t12:30:45", "T24:00:00", "T23:60:00", "T23:59:60", "T07:05:03.1", "T07:05:03.1234567",
            "T07:05:03.12345678", "T07:05:03."];
        string[] zones = ["", "Z", "z", "+00:00", "+02:00", "-05:30", "+14:00", "-14:00", "+14:01", "+05:60", "+0200", "Z ", "+02:00x"];
        var checkedCount = 0;
        foreach (var text in from d in dates from t in times from z in zones select d + t + z)
        {
            var value = new FieldValue();
            var fast = ValueParser.TryParse(ValueKind.Timestamp, text, ref value);
            var general = System.Text.RegularExpressions.Regex.IsMatch(text,
                    "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$")
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expected)
                    ? expected : (DateTimeOffset?)null;
            Assert.True((fast ? value.Timestamp : (DateTimeOffset?)null) == general, text);
            if (fast) Assert.Equal(general!.Value.Offset, value.Timestamp.Offset);
            checkedCount++;
        }
        Assert.Equal(dates.Length * times.Length * zones.Length, checkedCount);
    }

    [Fact]
    public async Task An_unknown_column_is_rejected_with_the_columns_of_the_table()
    {
        var ex = await ImportFailsAsync($"{EventsHeader},colour\n{GoodEvent},red\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal((1L, "colour"), (error.Line, error.Column));
        Assert.Contains("unknown column; product_events has ", error.Reason);
        Assert.Contains("distinct_id", error.Reason);
    }

    [Fact]
    public async Task A_duplicate_column_is_rejected_whatever_its_case()
    {
        var ex = await ImportFailsAsync($"{EventsHeader},UUID\n{GoodEvent},e1\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal("line 1, column UUID: appears more than once in the header", error.ToString());
    }

    [Fact]
    public async Task Missing_required_columns_are_each_named()
    {
        var ex = await ImportFailsAsync("uuid,event,timestamp,properties\ne1,x,2024-03-01T00:00:00Z,{}\n");

        Assert.Equal(["line 1, column distinct_id: required column is missing from the header",
            "line 1, column team_id: required column is missing from the header"], ex.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_line_with_the_wrong_number_of_fields_is_rejected_with_its_line()
    {
        var ex = await ImportFailsAsync($$"""
            {{EventsHeader}}
            {{GoodEvent}}
            e2,"multi
            line",u1,2024-03-01T00:00:00Z,{},1
            e3,x,u1,2024-03-01T00:00:00Z,{}
            """);

        Assert.Equal("line 5: has 5 fields but the header has 6", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public async Task An_unclosed_quote_is_rejected_on_the_line_its_record_starts()
    {
        var ex = await ImportFailsAsync($"{EventsHeader}\n{GoodEvent}\ne2,\"x,u1,2024-03-01T00:00:00Z,{{}},1\ne3,x,u1,2024-03-01,{{}},1\n");

        Assert.Equal("line 3: has a quoted field that is not closed before the end of the file", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public async Task A_quote_left_open_in_a_large_file_stops_reading_at_the_record_limit_instead_of_holding_the_rest()
    {
        var path = NewPath();
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteAsync($"{EventsHeader}\n{GoodEvent}\ne2,\"x,u1,2024-03-01T00:00:00Z,{{}},1\n");
            var filler = new string('a', 1_000_000);
            for (var i = 0; i <= CsvRecords.MaxRecordLength / filler.Length; i++) await writer.WriteLineAsync(filler);
        }

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(RawTables.ProductEvents, path));

        Assert.Equal("line 3: has a record longer than 16,777,216 characters (is a quote left open?); reading stopped here",
            Assert.Single(ex.Errors).ToString());
        Assert.Equal(0, await CountAsync(RawTables.ProductEvents));
    }

    [Fact]
    public async Task An_empty_file_is_rejected_for_its_missing_header()
    {
        var ex = await ImportFailsAsync("");

        Assert.Equal("line 1: the file is empty; expected a header row of column names", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public async Task A_file_without_a_header_row_is_rejected()
    {
        var ex = await ImportFailsAsync($"{GoodEvent}\n");

        Assert.All(ex.Errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(ex.Errors, e => e is { Column: "e1", Reason: var r } && r.StartsWith("unknown column", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e is { Column: "uuid", Reason: "required column is missing from the header" });
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_rejected()
    {
        var path = NewPath();
        await File.WriteAllBytesAsync(path, [.. Encoding.ASCII.GetBytes($"{EventsHeader}\ne1,caf"), 0xE9, .. Encoding.ASCII.GetBytes(",u1,2024-03-01,{},1\n")]);

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(RawTables.ProductEvents, path));

        Assert.Contains("not UTF-8", Assert.Single(ex.Errors).Reason);
        Assert.Equal(0, await CountAsync(RawTables.ProductEvents));
    }

    [Theory]
    [InlineData("e2,issue:cre\0ated,u1,2024-03-01T00:00:00Z,{},1", "event")]
    [InlineData("e2,x,u1,2024-03-01T00:00:00Z,{},2\0", "team_id")]
    [InlineData("e2,x,u1,2024-03-01T00:00:00Z,\"{\"\"a\"\":\"\"\0\"\"}\",1", "properties")]
    public async Task A_nul_character_in_any_field_is_rejected_with_its_line_and_column(string badRow, string column)
    {
        var ex = await ImportFailsAsync($"{EventsHeader}\n{GoodEvent}\n{badRow}\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"line 3, column {column}: contains a NUL character, which no text or number may hold", error.ToString());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_reported_on_their_own_line_and_column_far_into_a_file()
    {
        // 2,000 good rows first: the decoder reads far ahead of the parser, so only a marker can tell where the bytes were.
        var good = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"g{i},x,u1,2024-03-01T00:00:00Z,{{}},1\n"));
        var path = NewPath();
        await File.WriteAllBytesAsync(path, [
            .. Encoding.UTF8.GetBytes($"{EventsHeader}\n{good}e1,\"multi\nline\",u1,2024-03-01,{{}},1\ne2,x,u1,2024-03-01,\"{{\n\"\"a\"\":\"\"caf"),
            0xE9, .. Encoding.ASCII.GetBytes("\"\"}\",1\n")]);

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(RawTables.ProductEvents, path));

        // Header, 2,000 rows, e1 on lines 2002-2003, e2 starts on 2004 and its properties' second line is 2005.
        Assert.Equal("line 2005, column properties: is not UTF-8 text (save the file as UTF-8)", Assert.Single(ex.Errors).ToString());
        Assert.Equal(0, await CountAsync(RawTables.ProductEvents));
    }

    [Fact]
    public async Task Properties_that_airbyte_truncated_load_as_text_when_the_rows_meta_says_so()
    {
        var truncated = "\"{\"\"plan\"\":\"\"pro, ann\"";
        var meta = "\"{\"\"sync_id\"\":3,\"\"changes\"\":[{\"\"field\"\":\"\"properties\"\",\"\"change\"\":\"\"TRUNCATED\"\",\"\"reason\"\":\"\"DESTINATION_FIELD_SIZE_LIMITATION\"\"}]}\"";
        var path = await CsvAsync($"{EventsHeader},_airbyte_meta\ne1,x,u1,2024-03-01T00:00:00Z,{truncated},1,{meta}\n");

        await Importer().ImportAsync(RawTables.ProductEvents, path);

        var row = Assert.Single(await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking()));
        Assert.Equal("{\"plan\":\"pro, ann", row.Properties);
        Assert.Contains("TRUNCATED", row.AirbyteMeta);
    }

    [Theory]
    [InlineData("{\"\"sync_id\"\":3,\"\"changes\"\":[]}")]
    [InlineData("{\"\"sync_id\"\":3,\"\"changes\"\":[{\"\"field\"\":\"\"properties\"\",\"\"change\"\":\"\"NULLED\"\"}]}")]
    [InlineData("{\"\"sync_id\"\":3,\"\"changes\"\":[{\"\"field\"\":\"\"uuid\"\",\"\"change\"\":\"\"TRUNCATED\"\"}]}")]
    public async Task Invalid_properties_are_still_rejected_when_the_meta_does_not_say_they_were_truncated(string meta)
    {
        var ex = await ImportFailsAsync($"{EventsHeader},_airbyte_meta\ne1,x,u1,2024-03-01T00:00:00Z,{{cut,1,\"{meta}\"\n");

        Assert.Equal("line 2, column properties: '{cut' is not valid JSON", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public async Task The_demo_data_exported_as_csv_imports_again_row_for_row()
    {
        await new DemoDataGenerator(_db.Factory, _db.Clock).GenerateAsync(new DemoDataOptions(Orgs: 10, Days: 30));
        var original = (await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking())).OrderBy(r => r.AirbyteRawId, StringComparer.Ordinal).ToList();
        Assert.Contains(original, r => r.AirbyteMeta!.Contains("TRUNCATED", StringComparison.Ordinal));
        var path = NewPath();
        await File.WriteAllLinesAsync(path, [
            "uuid,event,distinct_id,timestamp,properties,team_id,_airbyte_raw_id,_airbyte_extracted_at,_airbyte_generation_id,_airbyte_meta",
            .. original.Select(r => string.Join(",", Quote(r.Uuid), Quote(r.Event), Quote(r.DistinctId), r.Timestamp?.ToString("O"),
                Quote(r.Properties), r.TeamId, Quote(r.AirbyteRawId), r.AirbyteExtractedAt, r.AirbyteGenerationId, Quote(r.AirbyteMeta)))]);
        await using var copy = await TestDatabase.CreateAsync();

        await new CsvImporter(copy.Factory, copy.Clock).ImportAsync(RawTables.ProductEvents, path);

        var imported = (await copy.ReadAsync(c => c.RawProductEvents.AsNoTracking())).OrderBy(r => r.AirbyteRawId, StringComparer.Ordinal).ToList();
        Assert.Equal(original.Select(Describe), imported.Select(Describe));

        static string? Quote(string? text) => text is null ? null : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        static string Describe(RawProductEvent r) =>
            $"{r.Uuid}|{r.Event}|{r.DistinctId}|{r.Timestamp:O}|{r.Properties}|{r.TeamId}|{r.AirbyteRawId}|{r.AirbyteExtractedAt}|{r.AirbyteGenerationId}|{r.AirbyteMeta}";
    }

    [Fact]
    public async Task An_unknown_table_is_rejected_with_the_valid_names()
    {
        var path = await CsvAsync($"{EventsHeader}\n{GoodEvent}\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync("events", path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("events", error.Value);
        Assert.Equal("'events' is not a raw table; expected one of product_events, pylon_users, pylon_organizations, pylon_issues, account",
            error.ToString());
    }

    [Fact]
    public async Task Rows_already_in_the_table_survive_an_import_that_fails_after_several_batches()
    {
        await _db.InsertAsync(Raw.Event("old1", "x", "u1", "2024-01-01T00:00:00Z"), Raw.Event("old2", "x", "u1", "2024-01-01T00:00:00Z"));
        var path = await EventsFileAsync(12_000, lastRow: "bad,x,u1,not a time,{},1");
        var progress = new RecordedProgress();

        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(RawTables.ProductEvents, path, progress));

        Assert.Equal(12_002, Assert.Single(ex.Errors).Line);
        Assert.Equal([5_000, 10_000], progress.Values); // two batches were written before the bad row, then rolled back
        var rows = await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking());
        Assert.Equal(["old1", "old2"], rows.Select(r => r.Uuid!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_insert_that_sqlite_refuses_midway_ends_the_import_with_its_error_and_loads_nothing()
    {
        await _db.InsertAsync(Raw.Event("old1", "x", "u1", "2024-01-01T00:00:00Z"));
        await using (var context = _db.Factory.Create())
            await context.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse BEFORE INSERT ON product_events WHEN NEW.uuid = 'e25000' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        var path = await EventsFileAsync(60_000); // the reading side is batches ahead when the insert fails

        var ex = await Assert.ThrowsAsync<SqliteException>(() =>
            Importer().ImportAsync(RawTables.ProductEvents, path).WaitAsync(TimeSpan.FromMinutes(5)));

        Assert.Contains("refused by the test", ex.Message);
        var rows = await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking());
        Assert.Equal(["old1"], rows.Select(r => r.Uuid!));
    }

    [Fact]
    public async Task An_import_cancelled_midway_stops_and_loads_nothing()
    {
        await _db.InsertAsync(Raw.Event("old1", "x", "u1", "2024-01-01T00:00:00Z"));
        var path = await EventsFileAsync(60_000);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAt(20_000, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Importer().ImportAsync(RawTables.ProductEvents, path, progress, cancel.Token).WaitAsync(TimeSpan.FromMinutes(5)));

        Assert.True(progress.Last < 60_000, $"read on to row {progress.Last} after the cancel");
        var rows = await _db.ReadAsync(c => c.RawProductEvents.AsNoTracking());
        Assert.Equal(["old1"], rows.Select(r => r.Uuid!));
    }

    [Fact]
    public async Task Several_errors_are_all_reported_in_line_order()
    {
        var ex = await ImportFailsAsync($$"""
            {{EventsHeader}}
            e1,x,u1,yesterday,{},1
            {{GoodEvent}}
            e3,x,u1,2024-03-01,{,one
            e4,x,u1
            """);

        Assert.Equal([
            "line 2, column timestamp: 'yesterday' is not an ISO 8601 timestamp",
            "line 4, column properties: '{' is not valid JSON",
            "line 4, column team_id: 'one' is not an integer",
            "line 5: has 3 fields but the header has 6",
        ], ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Reading_stops_after_twenty_errors()
    {
        var badRows = Enumerable.Range(2, 30).Select(i => $"e{i},x,u1,bad{i},{{}},1");
        var ex = await ImportFailsAsync($"{EventsHeader}\n{string.Join("\n", badRows)}\n");

        Assert.Equal(CsvImporter.MaxErrors, ex.Errors.Count);
        Assert.Equal(21, ex.Errors[^1].Line);
        Assert.Contains("stopped reading after 20 errors", ex.Message);
    }

    [Fact]
    public async Task A_200000_row_file_streams_in_batches_and_loads_every_row()
    {
        var path = await EventsFileAsync(200_000);
        var progress = new RecordedProgress();

        var result = await Importer().ImportAsync(RawTables.ProductEvents, path, progress);

        Assert.Equal(200_000, result.Rows);
        Assert.Equal(200_000, await CountAsync(RawTables.ProductEvents));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => i * 5_000L), progress.Values);
    }

    [Fact]
    public async Task The_rows_that_sql_servers_bulk_copy_reads_carry_typed_values_and_the_defaults()
    {
        var path = await CsvAsync("""
            Id,Name,Industry,AnnualRevenue,Segment__c,Seat_Tier__c,Current_ARR__c,Pylon_Organization_Id__c,Renewal_Date__c,Owner_Email__c,IsDeleted,CreatedDate,LastModifiedDate
            a1,"Acme, Inc",,12.5,,,,o1,2024-12-31,,TRUE,2022-01-01T10:00:00+02:00,
            """);
        await using var context = _db.Factory.Create();
        var columns = ImportColumn.Of(context.Model.FindEntityType(typeof(RawSalesforceAccount))!);
        using var csv = CsvRecords.Open(path);
        var errors = new List<ImportError>();
        var header = ImportColumn.MatchHeader(RawTables.Accounts, columns, csv, csv.MoveNext(), errors)!;
        using var rows = new ImportRows(csv, header, columns, 1234, "csv-x-", errors, null, CancellationToken.None);

        Assert.True(rows.Read());
        var values = Enumerable.Range(0, rows.FieldCount).ToDictionary(rows.GetName, rows.GetValue);
        Assert.Equal("Acme, Inc", values["Name"]);
        Assert.Equal(DBNull.Value, values["Industry"]);
        Assert.Equal(12.5m, values["AnnualRevenue"]);
        Assert.Equal(new DateTime(2024, 12, 31), values["Renewal_Date__c"]);
        Assert.Equal(true, values["IsDeleted"]);
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)), values["CreatedDate"]);
        Assert.Equal(1234L, values["_airbyte_extracted_at"]);
        Assert.Equal("csv-x-0000000002", values["_airbyte_raw_id"]);
        Assert.All(Enumerable.Range(0, rows.FieldCount), i => Assert.True(rows.IsDBNull(i) || rows.GetFieldType(i) == rows.GetValue(i).GetType()));
        Assert.False(rows.Read());
        Assert.Empty(errors);
    }

    private CsvImporter Importer() => new(_db.Factory, _db.Clock);

    private async Task<ImportException> ImportFailsAsync(string csv)
    {
        var path = await CsvAsync(csv);
        var ex = await Assert.ThrowsAsync<ImportException>(() => Importer().ImportAsync(RawTables.ProductEvents, path));
        Assert.Equal(0, await CountAsync(RawTables.ProductEvents));
        return ex;
    }

    private string NewPath() => Path.Combine(Path.GetDirectoryName(_db.Path)!, $"import-{++_files}.csv");

    private async Task<string> CsvAsync(string text, bool bom = false, bool crlf = false)
    {
        var path = NewPath();
        if (crlf) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }

    /// <summary>A large events file written line by line, optionally ending with one more row.</summary>
    private async Task<string> EventsFileAsync(int rows, string? lastRow = null)
    {
        var path = NewPath();
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(EventsHeader);
        for (var i = 0; i < rows; i++)
            await writer.WriteLineAsync($"e{i},issue:created,u{i % 100},2024-03-01T00:00:{i % 60:D2}Z,\"{{\"\"n\"\":{i}}}\",1");
        if (lastRow is not null) await writer.WriteLineAsync(lastRow);
        return path;
    }

    /// <summary>A valid value for a column of any raw table, to build a good row for a header.</summary>
    private static string GoodValue(string column) => column switch
    {
        "timestamp" or "created_at" or "resolved_at" or "CreatedDate" or "LastModifiedDate" => "2024-03-01T00:00:00Z",
        "Renewal_Date__c" => "2024-12-31",
        "properties" or "_airbyte_meta" => "{}",
        "team_id" or "_airbyte_extracted_at" => "1",
        "csat_score" or "AnnualRevenue" or "Current_ARR__c" => "5",
        "IsDeleted" => "false",
        _ => "x",
    };

    private async Task<long> CountAsync(string table)
    {
        await using var context = _db.Factory.Create();
        return table switch
        {
            RawTables.ProductEvents => await context.RawProductEvents.LongCountAsync(),
            RawTables.Users => await context.RawUsers.LongCountAsync(),
            RawTables.Organizations => await context.RawOrganizations.LongCountAsync(),
            RawTables.Issues => await context.RawIssues.LongCountAsync(),
            RawTables.Accounts => await context.RawAccounts.LongCountAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
    }

    /// <summary>Records reports as they happen (<see cref="Progress{T}"/> would post them later).</summary>
    /// <summary>Cancels the import when it has read the given number of rows.</summary>
    private sealed class CancelAt(long rows, CancellationTokenSource cancel) : IProgress<long>
    {
        public long Last { get; private set; }

        public void Report(long value)
        {
            Last = value;
            if (value >= rows) cancel.Cancel();
        }
    }

    private sealed class RecordedProgress : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }
}
