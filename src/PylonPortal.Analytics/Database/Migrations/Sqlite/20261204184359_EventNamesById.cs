using Microsoft.EntityFrameworkCore.Migrations;
using static PylonPortal.Analytics.Database.Migrations.Sqlite.SqliteTableRebuild;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <summary>
    /// A staged event stores its name's event_classification id instead of the name and category (the category
    /// comes with the id). Staging changes shape, so, as in LeanStagingAndRowIssues, what is derived is dropped and
    /// the watermarks forgotten: the next build is a full one. event_classification becomes a rowid table (its id is
    /// the rowid) with a unique index on the name, rebuilt by <see cref="SqliteTableRebuild"/>: EF Core's own rebuild of
    /// the WITHOUT ROWID table would give every existing name the id 0.
    /// </summary>
    public partial class EventNamesById : Migration
    {
        private static readonly string[] Derived = ["stg_product_events", "load_product_events", "work_touched_as_of", "pipeline_watermarks"];

        private const string ById = """
            "id" INTEGER NOT NULL CONSTRAINT "PK_event_classification" PRIMARY KEY AUTOINCREMENT, "category" TEXT NOT NULL, "event" TEXT NOT NULL
            """;

        private const string ByName = """
            "event" TEXT NOT NULL CONSTRAINT "PK_event_classification" PRIMARY KEY, "category" TEXT NOT NULL
            """;

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
            Rebuild(migrationBuilder, "event_classification", ById, "", ["category", "event"],
                """CREATE UNIQUE INDEX "IX_event_classification_event" ON "event_classification" ("event");""");
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
            Rebuild(migrationBuilder, "event_classification", ByName, "WITHOUT ROWID", ["event", "category"]);
            migrationBuilder.Sql("""CREATE INDEX "IX_stg_product_events_org_id_activity_date_event" ON "stg_product_events" ("org_id", "activity_date", "event");""");
        }
    }
}
