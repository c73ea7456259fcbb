using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
{
    /// <summary>
    /// int_org_event_daily keys its rows by the event name's event_classification id, as staging does, instead of the
    /// name and its category. Every name in it came from event_classification, so the rows keep their values through the
    /// name, and the next build stays incremental.
    /// </summary>
    public partial class OrgEventDailyByEventId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_int_org_event_daily",
                schema: "marts",
                table: "int_org_event_daily");

            migrationBuilder.AddColumn<int>(
                name: "event_id",
                schema: "marts",
                table: "int_org_event_daily",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // In EXEC: the schema script runs a migration as one batch, which SQL Server compiles before event_id exists
            // (error 207, "Invalid column name"; https://github.com/dotnet/efcore/issues/12911).
            migrationBuilder.Sql("""
                EXEC(N'UPDATE d SET event_id = c.id
                FROM marts.int_org_event_daily d JOIN pipeline.event_classification c ON c.event = d.event;');
                """);

            migrationBuilder.DropColumn(
                name: "event",
                schema: "marts",
                table: "int_org_event_daily");

            migrationBuilder.DropColumn(
                name: "category",
                schema: "marts",
                table: "int_org_event_daily");

            migrationBuilder.AddPrimaryKey(
                name: "PK_int_org_event_daily",
                schema: "marts",
                table: "int_org_event_daily",
                columns: new[] { "org_id", "activity_date", "event_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_int_org_event_daily",
                schema: "marts",
                table: "int_org_event_daily");

            migrationBuilder.AddColumn<string>(
                name: "event",
                schema: "marts",
                table: "int_org_event_daily",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "category",
                schema: "marts",
                table: "int_org_event_daily",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.Sql("""
                EXEC(N'UPDATE d SET event = c.event, category = c.category
                FROM marts.int_org_event_daily d JOIN pipeline.event_classification c ON c.id = d.event_id;');
                """);

            migrationBuilder.DropColumn(
                name: "event_id",
                schema: "marts",
                table: "int_org_event_daily");

            migrationBuilder.AddPrimaryKey(
                name: "PK_int_org_event_daily",
                schema: "marts",
                table: "int_org_event_daily",
                columns: new[] { "org_id", "activity_date", "event" });
        }
    }
}
