using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <summary>
    /// A staged event stores its name's event_classification id instead of the name and category (the category
    /// comes with the id). Staging changes shape, so, as in LeanStagingAndRowIssues, what is derived is dropped and
    /// the watermarks forgotten: the next build is a full one. event_classification becomes a rowid table (its id is
    /// the rowid) with a unique index on the name; written out because EF Core's rebuild of the WITHOUT ROWID table
    /// would give every existing name the id 0.
    /// </summary>
    public partial class EventNamesById : Migration
    {
        private static readonly string[] Derived = ["stg_product_events", "load_product_events", "work_touched_as_of", "pipeline_watermarks"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Derived) migrationBuilder.Sql($"""DELETE FROM "{table}";""");
            migrationBuilder.Sql("""DROP INDEX "IX_stg_product_events_org_id_activity_date_event";""");
            foreach (var table in new[] { "stg_product_events", "load_product_events" })
            {
                migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "event";""");
                migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "category";""");
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD COLUMN "event_id" INTEGER NULL;""");
            }
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_event_classification" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_event_classification" PRIMARY KEY AUTOINCREMENT,
                    "category" TEXT NOT NULL, "event" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""INSERT INTO "ef_temp_event_classification" ("category", "event") SELECT "category", "event" FROM "event_classification" ORDER BY "event";""");
            migrationBuilder.Sql("""DROP TABLE "event_classification";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_event_classification" RENAME TO "event_classification";""");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_event_classification_event" ON "event_classification" ("event");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_stg_product_events_org_id_activity_date_event_id_is_system" ON "stg_product_events" ("org_id", "activity_date", "event_id", "is_system");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Derived) migrationBuilder.Sql($"""DELETE FROM "{table}";""");
            migrationBuilder.Sql("""DROP INDEX "IX_stg_product_events_org_id_activity_date_event_id_is_system";""");
            foreach (var table in new[] { "stg_product_events", "load_product_events" })
            {
                migrationBuilder.Sql($"""ALTER TABLE "{table}" DROP COLUMN "event_id";""");
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD COLUMN "category" TEXT NULL;""");
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD COLUMN "event" TEXT NULL;""");
            }
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_event_classification" (
                    "event" TEXT NOT NULL CONSTRAINT "PK_event_classification" PRIMARY KEY, "category" TEXT NOT NULL) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""INSERT INTO "ef_temp_event_classification" ("event", "category") SELECT "event", "category" FROM "event_classification";""");
            migrationBuilder.Sql("""DROP TABLE "event_classification";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_event_classification" RENAME TO "event_classification";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_stg_product_events_org_id_activity_date_event" ON "stg_product_events" ("org_id", "activity_date", "event");""");
        }
    }
}
