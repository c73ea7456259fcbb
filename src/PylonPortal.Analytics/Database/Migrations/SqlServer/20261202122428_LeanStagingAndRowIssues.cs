using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
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
                migrationBuilder.Sql($"DELETE FROM [pipeline].[{table}];");
            migrationBuilder.DropPrimaryKey(
                name: "PK_work_touched_as_of",
                schema: "pipeline",
                table: "work_touched_as_of");

            migrationBuilder.DropPrimaryKey(
                name: "PK_stg_product_events",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_distinct_id",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_load_product_events",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "missing_field",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "timestamp",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "missing_field",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "timestamp",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.RenameColumn(
                name: "as_of_date",
                schema: "pipeline",
                table: "work_touched_as_of",
                newName: "to_date");

            migrationBuilder.AddColumn<DateOnly>(
                name: "from_date",
                schema: "pipeline",
                table: "work_touched_as_of",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "id",
                schema: "pipeline",
                table: "stg_product_events",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "stg_product_events",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_salesforce_accounts",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_users",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_organizations",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_issues",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "id",
                schema: "pipeline",
                table: "load_product_events",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_product_events",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_work_touched_as_of",
                schema: "pipeline",
                table: "work_touched_as_of",
                columns: new[] { "org_id", "from_date", "to_date" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_stg_product_events",
                schema: "pipeline",
                table: "stg_product_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_load_product_events",
                schema: "pipeline",
                table: "load_product_events",
                column: "id");

            migrationBuilder.CreateTable(
                name: "int_org_event_daily",
                schema: "marts",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false),
                    @event = table.Column<string>(name: "event", type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_BIN2"),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    event_count = table.Column<int>(type: "int", nullable: false),
                    user_event_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_event_daily", x => new { x.org_id, x.activity_date, x.@event });
                });

            migrationBuilder.CreateTable(
                name: "pipeline_row_issues",
                schema: "pipeline",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    example_key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_row_issues", x => new { x.run_id, x.model, x.reason });
                    table.ForeignKey(
                        name: "FK_pipeline_row_issues_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "pipeline",
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                schema: "pipeline",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date", "event" });

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_uuid",
                schema: "pipeline",
                table: "stg_product_events",
                column: "uuid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "int_org_event_daily",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "pipeline_row_issues",
                schema: "pipeline");

            migrationBuilder.DropPrimaryKey(
                name: "PK_work_touched_as_of",
                schema: "pipeline",
                table: "work_touched_as_of");

            migrationBuilder.DropPrimaryKey(
                name: "PK_stg_product_events",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_uuid",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_load_product_events",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "from_date",
                schema: "pipeline",
                table: "work_touched_as_of");

            migrationBuilder.DropColumn(
                name: "id",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_salesforce_accounts");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_users");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_organizations");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_pylon_issues");

            migrationBuilder.DropColumn(
                name: "id",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.RenameColumn(
                name: "to_date",
                schema: "pipeline",
                table: "work_touched_as_of",
                newName: "as_of_date");

            migrationBuilder.AddColumn<string>(
                name: "missing_field",
                schema: "pipeline",
                table: "stg_product_events",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "timestamp",
                schema: "pipeline",
                table: "stg_product_events",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "missing_field",
                schema: "pipeline",
                table: "load_product_events",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "timestamp",
                schema: "pipeline",
                table: "load_product_events",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_work_touched_as_of",
                schema: "pipeline",
                table: "work_touched_as_of",
                columns: new[] { "org_id", "as_of_date" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_stg_product_events",
                schema: "pipeline",
                table: "stg_product_events",
                column: "uuid");

            migrationBuilder.AddPrimaryKey(
                name: "PK_load_product_events",
                schema: "pipeline",
                table: "load_product_events",
                column: "uuid");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_distinct_id",
                schema: "pipeline",
                table: "stg_product_events",
                column: "distinct_id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date",
                schema: "pipeline",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date" });
        }
    }
}
