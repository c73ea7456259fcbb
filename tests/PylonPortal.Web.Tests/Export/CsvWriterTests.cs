using System.Globalization;
using System.Text;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Tests.Export;

public class CsvWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Output_is_UTF8_with_a_BOM_and_CRLF_line_ends()
    {
        var bytes = await WriteAsync(async csv =>
        {
            await csv.HeaderAsync(["name", "city"]);
            await csv.Text("Zoë").Text("Malmö").EndRowAsync();
        });

        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal("name,city\r\nZoë,Malmö\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("The \"best\" org", "\"The \"\"best\"\" org\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public async Task Text_is_quoted_as_RFC_4180_says(string? value, string expected) =>
        Assert.Equal(expected + "\r\n", await RowAsync(csv => csv.Text(value)));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a=1", "a=1")]
    [InlineData(" =1", " =1")]
    public async Task A_text_cell_that_a_spreadsheet_would_evaluate_is_neutralised(string value, string expected) =>
        Assert.Equal(expected + "\r\n", await RowAsync(csv => csv.Text(value)));

    [Fact]
    public async Task Numbers_use_the_invariant_culture_and_stay_numbers_when_negative()
    {
        var row = await RowAsync(csv => csv.Number(-3.5m).Number(72.25m).Number(66.666666666666m).Number(1234567.5d)
            .Number(480_000d).Number(-12).Number((decimal?)null).Number((double?)null).Number((int?)null));

        Assert.Equal("-3.5,72.25,66.6667,1234567.5,480000,-12,,,\r\n", row);
    }

    [Fact]
    public async Task Numbers_ignore_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimals.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = commaDecimals;
            Assert.Equal("1.5,2.25\r\n", await RowAsync(csv => csv.Number(1.5m).Number(2.25d)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task Dates_are_year_month_day_and_booleans_are_words()
    {
        Assert.Equal("2024-03-09,,true,false\r\n",
            await RowAsync(csv => csv.Date(new DateOnly(2024, 3, 9)).Date(null).Boolean(true).Boolean(false)));
    }

    [Fact]
    public async Task Header_names_are_written_like_text()
    {
        var bytes = await WriteAsync(csv => csv.HeaderAsync(["org_id", "=cmd", "a,b"]));

        Assert.Equal("org_id,'=cmd,\"a,b\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    private static async Task<string> RowAsync(Func<CsvWriter, CsvWriter> fields)
    {
        var bytes = await WriteAsync(csv => fields(csv).EndRowAsync());
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    private static async Task<byte[]> WriteAsync(Func<CsvWriter, Task> write)
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
            await write(csv);
        return stream.ToArray();
    }
}
