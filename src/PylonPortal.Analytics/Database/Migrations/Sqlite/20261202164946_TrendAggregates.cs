using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrendAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new aggregates start empty: no watermark makes the next build a full one, which fills them.
            migrationBuilder.Sql("DELETE FROM \"pipeline_watermarks\";");

            migrationBuilder.CreateTable(
                name: "int_segment_event_daily",
                columns: table => new
                {
                    segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 400, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    event_count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_segment_event_daily", x => new { x.segment, x.activity_date, x.@event });
                });

            migrationBuilder.CreateTable(
                name: "int_segment_weekly_activity",
                columns: table => new
                {
                    segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    week_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    active_orgs = table.Column<int>(type: "INTEGER", nullable: false),
                    total_events = table.Column<long>(type: "INTEGER", nullable: false),
                    issue_events = table.Column<long>(type: "INTEGER", nullable: false),
                    ai_events = table.Column<long>(type: "INTEGER", nullable: false),
                    frontend_events = table.Column<long>(type: "INTEGER", nullable: false),
                    kb_events = table.Column<long>(type: "INTEGER", nullable: false),
                    issue_orgs = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_orgs = table.Column<int>(type: "INTEGER", nullable: false),
                    frontend_orgs = table.Column<int>(type: "INTEGER", nullable: false),
                    kb_orgs = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "int_segment_event_daily");

            migrationBuilder.DropTable(
                name: "int_segment_weekly_activity");
        }
    }
}
