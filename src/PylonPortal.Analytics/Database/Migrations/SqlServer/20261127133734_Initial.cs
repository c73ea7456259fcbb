using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "portal");

            migrationBuilder.EnsureSchema(
                name: "pipeline");

            migrationBuilder.EnsureSchema(
                name: "marts");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "portal",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    friendly_name = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_classification",
                schema: "pipeline",
                columns: table => new
                {
                    @event = table.Column<string>(name: "event", type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_BIN2"),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_classification", x => x.@event);
                });

            migrationBuilder.CreateTable(
                name: "fct_customer_ai_adoption_30d",
                schema: "marts",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    as_of_date = table.Column<DateOnly>(type: "date", nullable: false),
                    org_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    account_segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "float", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "bit", nullable: false),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    total_events_30d = table.Column<int>(type: "int", nullable: false),
                    ai_events_30d = table.Column<int>(type: "int", nullable: false),
                    ai_event_share = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false),
                    active_days_30d = table.Column<int>(type: "int", nullable: false),
                    ai_active_days_30d = table.Column<int>(type: "int", nullable: false),
                    active_users_30d = table.Column<int>(type: "int", nullable: false),
                    ai_users_30d = table.Column<int>(type: "int", nullable: false),
                    ai_user_share = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false),
                    frequency_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    intensity_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    breadth_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    effective_ai_adoption_score = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: false),
                    arr_ai_quadrant = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    _loaded_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_customer_ai_adoption_30d", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "fct_org_daily_activity",
                schema: "marts",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    org_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    org_domain = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    org_created_date = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false),
                    total_event_count = table.Column<int>(type: "int", nullable: false),
                    unique_user_count = table.Column<int>(type: "int", nullable: false),
                    distinct_event_types = table.Column<int>(type: "int", nullable: false),
                    distinct_feature_categories = table.Column<int>(type: "int", nullable: false),
                    top_event_type = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2"),
                    top_event_count = table.Column<int>(type: "int", nullable: true),
                    avg_events_per_user = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    issue_events = table.Column<int>(type: "int", nullable: false),
                    ai_events = table.Column<int>(type: "int", nullable: false),
                    frontend_events = table.Column<int>(type: "int", nullable: false),
                    kb_events = table.Column<int>(type: "int", nullable: false),
                    feature_categories_used = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    account_segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "float", nullable: true),
                    annualrevenue = table.Column<double>(type: "float", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "bit", nullable: false),
                    _loaded_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_org_daily_activity", x => new { x.org_id, x.activity_date });
                });

            migrationBuilder.CreateTable(
                name: "fct_reference_readiness_30d",
                schema: "marts",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    as_of_date = table.Column<DateOnly>(type: "date", nullable: false),
                    org_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    account_segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "float", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "bit", nullable: false),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    events_30d = table.Column<int>(type: "int", nullable: false),
                    events_prev_30d = table.Column<int>(type: "int", nullable: false),
                    active_days_30d = table.Column<int>(type: "int", nullable: false),
                    active_users_30d = table.Column<int>(type: "int", nullable: false),
                    org_user_count = table.Column<int>(type: "int", nullable: false),
                    issues_30d = table.Column<int>(type: "int", nullable: false),
                    urgent_issues_30d = table.Column<int>(type: "int", nullable: false),
                    avg_csat_30d = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "date", nullable: true),
                    days_to_renewal = table.Column<int>(type: "int", nullable: true),
                    trend_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    usage_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    engagement_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    sentiment_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    support_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    renewal_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    health_score = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: false),
                    health_band = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    size_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    tenure_score = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    reference_readiness_score = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: false),
                    is_reference_candidate = table.Column<bool>(type: "bit", nullable: false),
                    _loaded_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_reference_readiness_30d", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "int_calendar",
                schema: "pipeline",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_calendar", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "int_org_account",
                schema: "pipeline",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    account_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    account_name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    annual_revenue = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_account", x => x.org_id);
                });

            migrationBuilder.CreateTable(
                name: "int_org_spine",
                schema: "pipeline",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_spine", x => x.org_id);
                });

            migrationBuilder.CreateTable(
                name: "int_org_user_daily",
                schema: "marts",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    user_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false),
                    event_count = table.Column<int>(type: "int", nullable: false),
                    ai_event_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_user_daily", x => new { x.org_id, x.activity_date, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "load_product_events",
                schema: "pipeline",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false),
                    @event = table.Column<string>(name: "event", type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2"),
                    distinct_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    timestamp = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: true),
                    missing_field = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    is_system = table.Column<bool>(type: "bit", nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_product_events", x => x.uuid);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_issues",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false),
                    organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    created_date = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    priority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    csat_score = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    is_urgent = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_organizations",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    domain = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    created_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_users",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false),
                    organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_salesforce_accounts",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    annual_revenue = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    pylon_organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    renewal_date = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    is_deleted = table.Column<bool>(type: "bit", nullable: false),
                    created_date = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    last_modified_date = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_salesforce_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_lock",
                schema: "pipeline",
                columns: table => new
                {
                    name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: true),
                    acquired_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_lock", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_runs",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    started_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    lock_acquired_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    trigger = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    full_refresh = table.Column<bool>(type: "bit", nullable: false),
                    requested_by = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    scoring_settings = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_watermarks",
                schema: "pipeline",
                columns: table => new
                {
                    source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    extracted_at = table.Column<long>(type: "bigint", nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_watermarks", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "stg_product_events",
                schema: "pipeline",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    @event = table.Column<string>(name: "event", type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2"),
                    distinct_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    timestamp = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: true),
                    missing_field = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    is_system = table.Column<bool>(type: "bit", nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_product_events", x => x.uuid);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_issues",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    created_date = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    priority = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Latin1_General_100_BIN2"),
                    csat_score = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    is_urgent = table.Column<bool>(type: "bit", nullable: false),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_organizations",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    domain = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    created_date = table.Column<DateOnly>(type: "date", nullable: true),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_users",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_salesforce_accounts",
                schema: "pipeline",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    annual_revenue = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    segment = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    current_arr = table.Column<decimal>(type: "decimal(38,8)", precision: 38, scale: 8, nullable: true),
                    pylon_organization_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    renewal_date = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    is_deleted = table.Column<bool>(type: "bit", nullable: false),
                    created_date = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    last_modified_date = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    extracted_at = table.Column<long>(type: "bigint", nullable: true),
                    raw_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    has_airbyte_changes = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_salesforce_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_touched_as_of",
                schema: "pipeline",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    as_of_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_touched_as_of", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "work_touched_days",
                schema: "pipeline",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_touched_days", x => new { x.org_id, x.activity_date });
                });

            migrationBuilder.CreateTable(
                name: "work_touched_orgs",
                schema: "pipeline",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    source = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "pipeline_check_results",
                schema: "pipeline",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    severity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    failing_rows = table.Column<long>(type: "bigint", nullable: false),
                    example = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_check_results", x => new { x.run_id, x.name });
                    table.ForeignKey(
                        name: "FK_pipeline_check_results_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "pipeline",
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_run_steps",
                schema: "pipeline",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "int", nullable: false),
                    model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    rows_rejected = table.Column<long>(type: "bigint", nullable: false),
                    rows_unattributed = table.Column<long>(type: "bigint", nullable: false),
                    rows_with_airbyte_changes = table.Column<long>(type: "bigint", nullable: false),
                    rows_written = table.Column<long>(type: "bigint", nullable: false),
                    rows_deleted = table.Column<long>(type: "bigint", nullable: false),
                    watermark = table.Column<long>(type: "bigint", nullable: true),
                    elapsed_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_run_steps", x => new { x.run_id, x.position });
                    table.ForeignKey(
                        name: "FK_pipeline_run_steps_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "pipeline",
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "pipeline",
                table: "pipeline_lock",
                columns: new[] { "name", "acquired_at", "run_id" },
                values: new object[] { "build", null, null });

            migrationBuilder.CreateIndex(
                name: "IX_fct_customer_ai_adoption_30d_as_of_date",
                schema: "marts",
                table: "fct_customer_ai_adoption_30d",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_customer_ai_adoption_30d_as_of_date_arr_ai_quadrant",
                schema: "marts",
                table: "fct_customer_ai_adoption_30d",
                columns: new[] { "as_of_date", "arr_ai_quadrant" });

            migrationBuilder.CreateIndex(
                name: "IX_fct_org_daily_activity_activity_date",
                schema: "marts",
                table: "fct_org_daily_activity",
                column: "activity_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_reference_readiness_30d_as_of_date",
                schema: "marts",
                table: "fct_reference_readiness_30d",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_reference_readiness_30d_as_of_date_health_band",
                schema: "marts",
                table: "fct_reference_readiness_30d",
                columns: new[] { "as_of_date", "health_band" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_runs_started_at",
                schema: "pipeline",
                table: "pipeline_runs",
                column: "started_at");

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

            migrationBuilder.CreateIndex(
                name: "IX_stg_pylon_issues_organization_id_created_date",
                schema: "pipeline",
                table: "stg_pylon_issues",
                columns: new[] { "organization_id", "created_date" });

            migrationBuilder.CreateIndex(
                name: "IX_stg_pylon_users_organization_id",
                schema: "pipeline",
                table: "stg_pylon_users",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_salesforce_accounts_pylon_organization_id",
                schema: "pipeline",
                table: "stg_salesforce_accounts",
                column: "pylon_organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_work_touched_orgs_org_id",
                schema: "pipeline",
                table: "work_touched_orgs",
                column: "org_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "event_classification",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "fct_customer_ai_adoption_30d",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "fct_org_daily_activity",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "fct_reference_readiness_30d",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "int_calendar",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "int_org_account",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "int_org_spine",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "int_org_user_daily",
                schema: "marts");

            migrationBuilder.DropTable(
                name: "load_product_events",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "load_pylon_issues",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "load_pylon_organizations",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "load_pylon_users",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "load_salesforce_accounts",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "pipeline_check_results",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "pipeline_lock",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "pipeline_run_steps",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "pipeline_watermarks",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "stg_product_events",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "stg_pylon_issues",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "stg_pylon_organizations",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "stg_pylon_users",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "stg_salesforce_accounts",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "work_touched_as_of",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "work_touched_days",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "work_touched_orgs",
                schema: "pipeline");

            migrationBuilder.DropTable(
                name: "pipeline_runs",
                schema: "pipeline");
        }
    }
}
