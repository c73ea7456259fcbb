using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrendAggregatesAndScoreChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The trend aggregates start empty: no watermark makes the next build a full one, which fills them.
            migrationBuilder.Sql("DELETE FROM \"pipeline_watermarks\";");

            migrationBuilder.CreateTable(
                name: "digest_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    started_at = table.Column<string>(type: "TEXT", nullable: false),
                    finished_at = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    changes = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_deliveries", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "score_change_runs",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    as_of_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    compared_with = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    changes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_change_runs", x => x.run_id);
                });

            migrationBuilder.CreateTable(
                name: "score_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    detected_at = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    org_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    account_segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", nullable: true),
                    as_of_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    compared_with = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    after = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    health_score = table.Column<double>(type: "REAL", precision: 4, scale: 1, nullable: false),
                    health_band = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    component = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    component_points = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: true),
                    component_detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_digest_deliveries_started_at",
                table: "digest_deliveries",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_score_change_runs_as_of_date",
                table: "score_change_runs",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_detected_at",
                table: "score_changes",
                column: "detected_at");

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_org_id_kind_as_of_date_compared_with",
                table: "score_changes",
                columns: new[] { "org_id", "kind", "as_of_date", "compared_with" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_owner_email_detected_at",
                table: "score_changes",
                columns: new[] { "owner_email", "detected_at" });

            migrationBuilder.CreateIndex(
                name: "IX_score_changes_run_id",
                table: "score_changes",
                column: "run_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_deliveries");

            migrationBuilder.DropTable(
                name: "int_segment_event_daily");

            migrationBuilder.DropTable(
                name: "int_segment_weekly_activity");

            migrationBuilder.DropTable(
                name: "score_change_runs");

            migrationBuilder.DropTable(
                name: "score_changes");
        }
    }
}
