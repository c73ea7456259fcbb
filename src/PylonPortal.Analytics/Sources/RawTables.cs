namespace PylonPortal.Analytics.Sources;

/// <summary>The raw tables by the bare names the CLI and SQLite use.</summary>
public static class RawTables
{
    public const string ProductEvents = "product_events";
    public const string Users = "pylon_users";
    public const string Organizations = "pylon_organizations";
    public const string Issues = "pylon_issues";
    public const string Accounts = "account";

    public static readonly IReadOnlyList<string> All = [ProductEvents, Users, Organizations, Issues, Accounts];

    public static Type EntityType(string table) => table switch
    {
        ProductEvents => typeof(RawProductEvent),
        Users => typeof(RawPylonUser),
        Organizations => typeof(RawPylonOrganization),
        Issues => typeof(RawPylonIssue),
        Accounts => typeof(RawSalesforceAccount),
        _ => throw new ArgumentException(
            $"Unknown table '{table}'. Expected one of: {string.Join(", ", All)}.", nameof(table)),
    };
}
