using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanStagingAndRowIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Staging changes shape (a surrogate id, no timestamp): drop what is derived and forget the watermarks,
            // so the next build is a full one that restages every raw row. The raw tables are untouched.
            foreach (var table in new[] { "stg_product_events", "load_product_events", "work_touched_as_of", "pipeline_watermarks" })
                migrationBuilder.Sql($"DELETE FROM \"{table}\";");
            migrationBuilder.DropPrimaryKey(
                name: "PK_work_touched_as_of",
                table: "work_touched_as_of");

            migrationBuilder.DropPrimaryKey(
                name: "PK_stg_product_events",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_distinct_id",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_load_product_events",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "missing_field",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "timestamp",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "missing_field",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "timestamp",
                table: "load_product_events");

            migrationBuilder.RenameColumn(
                name: "as_of_date",
                table: "work_touched_as_of",
                newName: "to_date");

            migrationBuilder.AddColumn<DateOnly>(
                name: "from_date",
                table: "work_touched_as_of",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "stg_product_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "stg_product_events",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "load_salesforce_accounts",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "load_pylon_users",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "load_pylon_organizations",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "load_pylon_issues",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "load_product_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "load_product_events",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_work_touched_as_of",
                table: "work_touched_as_of",
                columns: new[] { "org_id", "from_date", "to_date" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_stg_product_events",
                table: "stg_product_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_load_product_events",
                table: "load_product_events",
                column: "id");

            migrationBuilder.CreateTable(
                name: "int_org_event_daily",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 400, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    event_count = table.Column<int>(type: "INTEGER", nullable: false),
                    user_event_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_event_daily", x => new { x.org_id, x.activity_date, x.@event });
                });

            migrationBuilder.CreateTable(
                name: "pipeline_row_issues",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    example_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_row_issues", x => new { x.run_id, x.model, x.reason });
                    table.ForeignKey(
                        name: "FK_pipeline_row_issues_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date", "event" });

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_uuid",
                table: "stg_product_events",
                column: "uuid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_org_event_daily");

            migrationBuilder.DropTable(
                name: "pipeline_row_issues");

            migrationBuilder.DropPrimaryKey(
                name: "PK_work_touched_as_of",
                table: "work_touched_as_of");

            migrationBuilder.DropPrimaryKey(
                name: "PK_stg_product_events",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_uuid",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_load_product_events",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "from_date",
                table: "work_touched_as_of");

            migrationBuilder.DropColumn(
                name: "id",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "load_salesforce_accounts");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "load_pylon_users");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "load_pylon_organizations");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "load_pylon_issues");

            migrationBuilder.DropColumn(
                name: "id",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "load_product_events");

            migrationBuilder.RenameColumn(
                name: "to_date",
                table: "work_touched_as_of",
                newName: "as_of_date");

            migrationBuilder.AddColumn<string>(
                name: "missing_field",
                table: "stg_product_events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timestamp",
                table: "stg_product_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "missing_field",
                table: "load_product_events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "timestamp",
                table: "load_product_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_work_touched_as_of",
                table: "work_touched_as_of",
                columns: new[] { "org_id", "as_of_date" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_stg_product_events",
                table: "stg_product_events",
                column: "uuid");

            migrationBuilder.AddPrimaryKey(
                name: "PK_load_product_events",
                table: "load_product_events",
                column: "uuid");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_distinct_id",
                table: "stg_product_events",
                column: "distinct_id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date" });
        }
    }
}
