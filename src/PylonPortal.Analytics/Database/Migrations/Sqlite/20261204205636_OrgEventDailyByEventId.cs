using Microsoft.EntityFrameworkCore.Migrations;
using static PylonPortal.Analytics.Database.Migrations.Sqlite.SqliteTableRebuild;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <summary>
    /// int_org_event_daily keys its rows by the event name's event_classification id, as staging does, instead of the
    /// name and its category. Every name in it came from event_classification, so the rows keep their values through the
    /// name, and the next build stays incremental. Rebuilt by <see cref="SqliteTableRebuild"/>, which keeps it WITHOUT ROWID.
    /// </summary>
    public partial class OrgEventDailyByEventId : Migration
    {
        private const string ById = """
            "org_id" TEXT NOT NULL, "activity_date" TEXT NOT NULL, "event_id" INTEGER NOT NULL,
            "event_count" INTEGER NOT NULL, "user_event_count" INTEGER NOT NULL,
            CONSTRAINT "PK_int_org_event_daily" PRIMARY KEY ("org_id", "activity_date", "event_id")
            """;

        private const string ByName = """
            "org_id" TEXT NOT NULL, "activity_date" TEXT NOT NULL, "event" TEXT NOT NULL, "category" TEXT NOT NULL,
            "event_count" INTEGER NOT NULL, "user_event_count" INTEGER NOT NULL,
            CONSTRAINT "PK_int_org_event_daily" PRIMARY KEY ("org_id", "activity_date", "event")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            RebuildWithCopy(migrationBuilder, "int_org_event_daily", ById, "WITHOUT ROWID", temp => $"""
                INSERT INTO "{temp}" ("org_id", "activity_date", "event_id", "event_count", "user_event_count")
                SELECT d."org_id", d."activity_date", c."id", d."event_count", d."user_event_count"
                FROM "int_org_event_daily" d JOIN "event_classification" c ON c."event" = d."event";
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            RebuildWithCopy(migrationBuilder, "int_org_event_daily", ByName, "WITHOUT ROWID", temp => $"""
                INSERT INTO "{temp}" ("org_id", "activity_date", "event", "category", "event_count", "user_event_count")
                SELECT d."org_id", d."activity_date", c."event", c."category", d."event_count", d."user_event_count"
                FROM "int_org_event_daily" d JOIN "event_classification" c ON c."id" = d."event_id";
                """);
    }
}
