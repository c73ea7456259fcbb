using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrendAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new aggregates start empty: no watermark makes the next build a full one, which fills them.
            migrationBuilder.Sql("DELETE FROM [pipeline].[pipeline_watermarks];");

            migrationBuilder.CreateTable(
                name: "int_segment_event_daily",
                schema: "marts",
                columns: table => new
                {
                    segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false),
                    @event = table.Column<string>(name: "event", type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_BIN2"),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_BIN2"),
                    event_count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_segment_event_daily", x => new { x.segment, x.activity_date, x.@event });
                });

            migrationBuilder.CreateTable(
                name: "int_segment_weekly_activity",
                schema: "marts",
                columns: table => new
                {
                    segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    active_orgs = table.Column<int>(type: "int", nullable: false),
                    total_events = table.Column<long>(type: "bigint", nullable: false),
                    issue_events = table.Column<long>(type: "bigint", nullable: false),
                    ai_events = table.Column<long>(type: "bigint", nullable: false),
                    frontend_events = table.Column<long>(type: "bigint", nullable: false),
                    kb_events = table.Column<long>(type: "bigint", nullable: false),
                    issue_orgs = table.Column<int>(type: "int", nullable: false),
                    ai_orgs = table.Column<int>(type: "int", nullable: false),
                    frontend_orgs = table.Column<int>(type: "int", nullable: false),
                    kb_orgs = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_segment_weekly_activity", x => new { x.segment, x.week_start });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_segment_event_daily",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "int_segment_weekly_activity",
                schema: "marts");
        }
    }
}
