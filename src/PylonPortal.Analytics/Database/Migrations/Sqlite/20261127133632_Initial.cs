using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PylonPortal.Analytics.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Industry = table.Column<string>(type: "TEXT", nullable: true),
                    AnnualRevenue = table.Column<double>(type: "REAL", nullable: true),
                    Segment__c = table.Column<string>(type: "TEXT", nullable: true),
                    Seat_Tier__c = table.Column<string>(type: "TEXT", nullable: true),
                    Current_ARR__c = table.Column<double>(type: "REAL", nullable: true),
                    Pylon_Organization_Id__c = table.Column<string>(type: "TEXT", nullable: true),
                    Renewal_Date__c = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Owner_Email__c = table.Column<string>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: true),
                    CreatedDate = table.Column<string>(type: "TEXT", nullable: true),
                    LastModifiedDate = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_raw_id = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_generation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_meta = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_classification",
                columns: table => new
                {
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 400, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_classification", x => x.@event);
                });

            migrationBuilder.CreateTable(
                name: "fct_customer_ai_adoption_30d",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    as_of_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    org_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    account_segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    total_events_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_events_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_event_share = table.Column<double>(type: "REAL", precision: 9, scale: 6, nullable: false),
                    active_days_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_active_days_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    active_users_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_users_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_user_share = table.Column<double>(type: "REAL", precision: 9, scale: 6, nullable: false),
                    frequency_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    intensity_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    breadth_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    effective_ai_adoption_score = table.Column<double>(type: "REAL", precision: 4, scale: 1, nullable: false),
                    arr_ai_quadrant = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    _loaded_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_customer_ai_adoption_30d", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "fct_org_daily_activity",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    org_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    org_domain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    org_created_date = table.Column<string>(type: "TEXT", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    total_event_count = table.Column<int>(type: "INTEGER", nullable: false),
                    unique_user_count = table.Column<int>(type: "INTEGER", nullable: false),
                    distinct_event_types = table.Column<int>(type: "INTEGER", nullable: false),
                    distinct_feature_categories = table.Column<int>(type: "INTEGER", nullable: false),
                    top_event_type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    top_event_count = table.Column<int>(type: "INTEGER", nullable: true),
                    avg_events_per_user = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    issue_events = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_events = table.Column<int>(type: "INTEGER", nullable: false),
                    frontend_events = table.Column<int>(type: "INTEGER", nullable: false),
                    kb_events = table.Column<int>(type: "INTEGER", nullable: false),
                    feature_categories_used = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    account_segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", nullable: true),
                    annualrevenue = table.Column<double>(type: "REAL", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "INTEGER", nullable: false),
                    _loaded_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_org_daily_activity", x => new { x.org_id, x.activity_date });
                });

            migrationBuilder.CreateTable(
                name: "fct_reference_readiness_30d",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    as_of_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    org_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    salesforce_account_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    account_segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", nullable: true),
                    is_paying_customer = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    events_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    events_prev_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    active_days_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    active_users_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    org_user_count = table.Column<int>(type: "INTEGER", nullable: false),
                    issues_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent_issues_30d = table.Column<int>(type: "INTEGER", nullable: false),
                    avg_csat_30d = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    days_to_renewal = table.Column<int>(type: "INTEGER", nullable: true),
                    trend_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    usage_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    engagement_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    sentiment_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    support_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    renewal_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    health_score = table.Column<double>(type: "REAL", precision: 4, scale: 1, nullable: false),
                    health_band = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    size_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    tenure_score = table.Column<double>(type: "REAL", precision: 9, scale: 4, nullable: false),
                    reference_readiness_score = table.Column<double>(type: "REAL", precision: 4, scale: 1, nullable: false),
                    is_reference_candidate = table.Column<bool>(type: "INTEGER", nullable: false),
                    _loaded_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fct_reference_readiness_30d", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "int_calendar",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_calendar", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "int_org_account",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    account_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    annual_revenue = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_account", x => x.org_id);
                });

            migrationBuilder.CreateTable(
                name: "int_org_spine",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_spine", x => x.org_id);
                });

            migrationBuilder.CreateTable(
                name: "int_org_user_daily",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    event_count = table.Column<int>(type: "INTEGER", nullable: false),
                    ai_event_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_int_org_user_daily", x => new { x.org_id, x.activity_date, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "load_product_events",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 400, nullable: true),
                    distinct_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    timestamp = table.Column<string>(type: "TEXT", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    missing_field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    is_system = table.Column<bool>(type: "INTEGER", nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_product_events", x => x.uuid);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_issues",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    created_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    resolved_at = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    csat_score = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    is_urgent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_organizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    domain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    created_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_pylon_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_pylon_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "load_salesforce_accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    annual_revenue = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    pylon_organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_date = table.Column<string>(type: "TEXT", nullable: true),
                    last_modified_date = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_salesforce_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_lock",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: true),
                    acquired_at = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_lock", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    started_at = table.Column<string>(type: "TEXT", nullable: false),
                    lock_acquired_at = table.Column<string>(type: "TEXT", nullable: true),
                    finished_at = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    full_refresh = table.Column<bool>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    scoring_settings = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_watermarks",
                columns: table => new
                {
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_watermarks", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "product_events",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "TEXT", nullable: true),
                    @event = table.Column<string>(name: "event", type: "TEXT", nullable: true),
                    distinct_id = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    team_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_raw_id = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_generation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_meta = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "pylon_issues",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    organization_id = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    resolved_at = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", nullable: true),
                    csat_score = table.Column<double>(type: "REAL", nullable: true),
                    _airbyte_raw_id = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_generation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_meta = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "pylon_organizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    domain = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_raw_id = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_generation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_meta = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "pylon_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    organization_id = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_raw_id = table.Column<string>(type: "TEXT", nullable: true),
                    _airbyte_extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_generation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    _airbyte_meta = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "stg_product_events",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 400, nullable: true),
                    distinct_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    timestamp = table.Column<string>(type: "TEXT", nullable: true),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    missing_field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    is_system = table.Column<bool>(type: "INTEGER", nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_product_events", x => x.uuid);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_issues",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    created_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    resolved_at = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    csat_score = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    is_urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_organizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    domain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    created_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_pylon_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: true),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_pylon_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stg_salesforce_accounts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    annual_revenue = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    seat_tier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    current_arr = table.Column<double>(type: "REAL", precision: 38, scale: 8, nullable: true),
                    pylon_organization_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    renewal_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_date = table.Column<string>(type: "TEXT", nullable: true),
                    last_modified_date = table.Column<string>(type: "TEXT", nullable: true),
                    extracted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    raw_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    has_airbyte_changes = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stg_salesforce_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_touched_as_of",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    as_of_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_touched_as_of", x => new { x.org_id, x.as_of_date });
                });

            migrationBuilder.CreateTable(
                name: "work_touched_days",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    activity_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_touched_days", x => new { x.org_id, x.activity_date });
                });

            migrationBuilder.CreateTable(
                name: "work_touched_orgs",
                columns: table => new
                {
                    org_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "pipeline_check_results",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    failing_rows = table.Column<long>(type: "INTEGER", nullable: false),
                    example = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_check_results", x => new { x.run_id, x.name });
                    table.ForeignKey(
                        name: "FK_pipeline_check_results_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_run_steps",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_unattributed = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_with_airbyte_changes = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_written = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_deleted = table.Column<long>(type: "INTEGER", nullable: false),
                    watermark = table.Column<long>(type: "INTEGER", nullable: true),
                    elapsed_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_run_steps", x => new { x.run_id, x.position });
                    table.ForeignKey(
                        name: "FK_pipeline_run_steps_pipeline_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "pipeline_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "pipeline_lock",
                columns: new[] { "name", "acquired_at", "run_id" },
                values: new object[] { "build", null, null });

            migrationBuilder.CreateIndex(
                name: "ix_account_airbyte_extracted_at",
                table: "account",
                column: "_airbyte_extracted_at");

            migrationBuilder.CreateIndex(
                name: "IX_fct_customer_ai_adoption_30d_as_of_date",
                table: "fct_customer_ai_adoption_30d",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_customer_ai_adoption_30d_as_of_date_arr_ai_quadrant",
                table: "fct_customer_ai_adoption_30d",
                columns: new[] { "as_of_date", "arr_ai_quadrant" });

            migrationBuilder.CreateIndex(
                name: "IX_fct_org_daily_activity_activity_date",
                table: "fct_org_daily_activity",
                column: "activity_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_reference_readiness_30d_as_of_date",
                table: "fct_reference_readiness_30d",
                column: "as_of_date");

            migrationBuilder.CreateIndex(
                name: "IX_fct_reference_readiness_30d_as_of_date_health_band",
                table: "fct_reference_readiness_30d",
                columns: new[] { "as_of_date", "health_band" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_runs_started_at",
                table: "pipeline_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_product_events_airbyte_extracted_at",
                table: "product_events",
                column: "_airbyte_extracted_at");

            migrationBuilder.CreateIndex(
                name: "ix_pylon_issues_airbyte_extracted_at",
                table: "pylon_issues",
                column: "_airbyte_extracted_at");

            migrationBuilder.CreateIndex(
                name: "ix_pylon_organizations_airbyte_extracted_at",
                table: "pylon_organizations",
                column: "_airbyte_extracted_at");

            migrationBuilder.CreateIndex(
                name: "ix_pylon_users_airbyte_extracted_at",
                table: "pylon_users",
                column: "_airbyte_extracted_at");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_distinct_id",
                table: "stg_product_events",
                column: "distinct_id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_product_events_org_id_activity_date",
                table: "stg_product_events",
                columns: new[] { "org_id", "activity_date" });

            migrationBuilder.CreateIndex(
                name: "IX_stg_pylon_issues_organization_id_created_date",
                table: "stg_pylon_issues",
                columns: new[] { "organization_id", "created_date" });

            migrationBuilder.CreateIndex(
                name: "IX_stg_pylon_users_organization_id",
                table: "stg_pylon_users",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_stg_salesforce_accounts_pylon_organization_id",
                table: "stg_salesforce_accounts",
                column: "pylon_organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_work_touched_orgs_org_id",
                table: "work_touched_orgs",
                column: "org_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "event_classification");

            migrationBuilder.DropTable(
                name: "fct_customer_ai_adoption_30d");

            migrationBuilder.DropTable(
                name: "fct_org_daily_activity");

            migrationBuilder.DropTable(
                name: "fct_reference_readiness_30d");

            migrationBuilder.DropTable(
                name: "int_calendar");

            migrationBuilder.DropTable(
                name: "int_org_account");

            migrationBuilder.DropTable(
                name: "int_org_spine");

            migrationBuilder.DropTable(
                name: "int_org_user_daily");

            migrationBuilder.DropTable(
                name: "load_product_events");

            migrationBuilder.DropTable(
                name: "load_pylon_issues");

            migrationBuilder.DropTable(
                name: "load_pylon_organizations");

            migrationBuilder.DropTable(
                name: "load_pylon_users");

            migrationBuilder.DropTable(
                name: "load_salesforce_accounts");

            migrationBuilder.DropTable(
                name: "pipeline_check_results");

            migrationBuilder.DropTable(
                name: "pipeline_lock");

            migrationBuilder.DropTable(
                name: "pipeline_run_steps");

            migrationBuilder.DropTable(
                name: "pipeline_watermarks");

            migrationBuilder.DropTable(
                name: "product_events");

            migrationBuilder.DropTable(
                name: "pylon_issues");

            migrationBuilder.DropTable(
                name: "pylon_organizations");

            migrationBuilder.DropTable(
                name: "pylon_users");

            migrationBuilder.DropTable(
                name: "stg_product_events");

            migrationBuilder.DropTable(
                name: "stg_pylon_issues");

            migrationBuilder.DropTable(
                name: "stg_pylon_organizations");

            migrationBuilder.DropTable(
                name: "stg_pylon_users");

            migrationBuilder.DropTable(
                name: "stg_salesforce_accounts");

            migrationBuilder.DropTable(
                name: "work_touched_as_of");

            migrationBuilder.DropTable(
                name: "work_touched_days");

            migrationBuilder.DropTable(
                name: "work_touched_orgs");

            migrationBuilder.DropTable(
                name: "pipeline_runs");
        }
    }
}
