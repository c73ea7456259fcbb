using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrendAggregatesAndScoreChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The trend aggregates start empty: no watermark makes the next build a full one, which fills them.
            migrationBuilder.Sql("DELETE FROM [pipeline].[pipeline_watermarks];");

            migrationBuilder.CreateTable(
                name: "digest_deliveries",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    started_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    owner = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false, collation: "Latin1_General_100_BIN2"),
                    changes = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_deliveries", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "score_change_runs",
                schema: "portal",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    as_of_date = table.Column<DateOnly>(type: "date", nullable: false),
                    compared_with = table.Column<DateOnly>(type: "date", nullable: false),
                    changes = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_change_runs", x => x.run_id);
                });

            migrationBuilder.CreateTable(
                name: "score_changes",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false, collation: "Latin1_General_100_BIN2"),
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    org_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2"),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true, collation: "Latin1_General_100_BIN2"),
                    account_segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    current_arr = table.Column<double>(type: "float", nullable: true),
                    as_of_date = table.Column<DateOnly>(type: "date", nullable: false),
                    compared_with = table.Column<DateOnly>(type: "date", nullable: false),
                    before = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    after = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    health_score = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: false),
                    health_band = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Latin1_General_100_BIN2"),
                    component = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Latin1_General_100_BIN2"),
                    component_points = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    component_detail = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_digest_deliveries_started_at",
                schema: "portal",
                table: "digest_deliveries",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_score_change_runs_as_of_date",
                schema: "portal",
                table: "score_change_runs",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_detected_at",
                schema: "portal",
                table: "score_changes",
                column: "detected_at");

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_org_id_kind_as_of_date_compared_with",
                schema: "portal",
                table: "score_changes",
                columns: new[] { "org_id", "kind", "as_of_date", "compared_with" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_owner_email_detected_at",
                schema: "portal",
                table: "score_changes",
                columns: new[] { "owner_email", "detected_at" });

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_run_id",
                schema: "portal",
                table: "score_changes",
                column: "run_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_deliveries",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "int_segment_event_daily",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "int_segment_weekly_activity",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "score_change_runs",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "score_changes",
                schema: "portal");
        }
    }
}
