using Microsoft.EntityFrameworkCore.Migrations;
using static PylonPortal.Analytics.Database.Migrations.Sqlite.SqliteTableRebuild;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <summary>
    /// The two daily intermediates become WITHOUT ROWID tables: the primary key is the table, as a clustered primary
    /// key is on SQL Server, instead of a rowid table plus a key index holding every column again. A 2M-event build
    /// writes (and checkpoints) about 150 MB less and fills them 1.0-1.3 s faster each (3 Dec, sqlite3 shell).
    /// Rebuilt by <see cref="SqliteTableRebuild"/>.
    /// </summary>
    public partial class DailyIntermediatesWithoutRowid : Migration
    {
        private const string EventDaily = """
            "org_id" TEXT NOT NULL, "activity_date" TEXT NOT NULL, "event" TEXT NOT NULL, "category" TEXT NOT NULL,
            "event_count" INTEGER NOT NULL, "user_event_count" INTEGER NOT NULL,
            CONSTRAINT "PK_int_org_event_daily" PRIMARY KEY ("org_id", "activity_date", "event")
            """;

        private const string UserDaily = """
            "org_id" TEXT NOT NULL, "user_id" TEXT NOT NULL, "activity_date" TEXT NOT NULL,
            "event_count" INTEGER NOT NULL, "ai_event_count" INTEGER NOT NULL,
            CONSTRAINT "PK_int_org_user_daily" PRIMARY KEY ("org_id", "activity_date", "user_id")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "int_org_event_daily", EventDaily, "WITHOUT ROWID");
            Rebuild(migrationBuilder, "int_org_user_daily", UserDaily, "WITHOUT ROWID");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "int_org_event_daily", EventDaily, "");
            Rebuild(migrationBuilder, "int_org_user_daily", UserDaily, "");
        }
    }
}
