using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
{
    /// <summary>
    /// A staged event stores its name's event_classification id instead of the name and category. Staging changes
    /// shape, so, as in LeanStagingAndRowIssues, what is derived is dropped and the watermarks forgotten: the next
    /// build is a full one. The names already classified are numbered by the new identity column.
    /// </summary>
    public partial class EventNamesById : Migration
    {
        private static readonly string[] Derived = ["stg_product_events", "load_product_events", "work_touched_as_of", "pipeline_watermarks"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Derived) migrationBuilder.Sql($"DELETE FROM [pipeline].[{table}];");
            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_event_classification",
                schema: "pipeline",
                table: "event_classification");

            migrationBuilder.DropColumn(
                name: "category",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "event",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "category",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "event",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.AddColumn<int>(
                name: "event_id",
                schema: "pipeline",
                table: "stg_product_events",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "event_id",
                schema: "pipeline",
                table: "load_product_events",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "id",
                schema: "pipeline",
                table: "event_classification",
                type: "int",
                nullable: false,
                defaultValue: 0)
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddPrimaryKey(
                name: "PK_event_classification",
                schema: "pipeline",
                table: "event_classification",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date_event_id_is_system",
                schema: "pipeline",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date", "event_id", "is_system" });

            migrationBuilder.CreateIndex(
                name: "IX_event_classification_event",
                schema: "pipeline",
                table: "event_classification",
                column: "event",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Derived) migrationBuilder.Sql($"DELETE FROM [pipeline].[{table}];");
            migrationBuilder.DropIndex(
                name: "IX_stg_product_events_org_id_activity_date_event_id_is_system",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_event_classification",
                schema: "pipeline",
                table: "event_classification");

            migrationBuilder.DropIndex(
                name: "IX_event_classification_event",
                schema: "pipeline",
                table: "event_classification");

            migrationBuilder.DropColumn(
                name: "event_id",
                schema: "pipeline",
                table: "stg_product_events");

            migrationBuilder.DropColumn(
                name: "event_id",
                schema: "pipeline",
                table: "load_product_events");

            migrationBuilder.DropColumn(
                name: "id",
                schema: "pipeline",
                table: "event_classification");

            migrationBuilder.AddColumn<string>(
                name: "category",
                schema: "pipeline",
                table: "stg_product_events",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "event",
                schema: "pipeline",
                table: "stg_product_events",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "category",
                schema: "pipeline",
                table: "load_product_events",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "event",
                schema: "pipeline",
                table: "load_product_events",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddPrimaryKey(
                name: "PK_event_classification",
                schema: "pipeline",
                table: "event_classification",
                column: "event");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date_event",
                schema: "pipeline",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date", "event" });
        }
    }
}
