namespace PylonPortal.Analytics.Database;

/// <summary>
/// The declared lengths of the portal's text columns, in one place: the model declares them, and staging
/// rejects a raw value that would not fit (SQL Server fails the statement on a longer value, Msg 2628;
/// SQLite ignores declared lengths, so the check keeps both engines alike).
/// </summary>
public static class TextLengths
{
    /// <summary>Ids and keys: uuids, user, org, issue and account ids, raw ids.</summary>
    public const int Id = 200;

    /// <summary>Event names (indexed, compared ordinally).</summary>
    public const int EventName = 400;

    /// <summary>Names and domains of orgs, users and accounts.</summary>
    public const int Name = 400;

    public const int Email = 320;

    /// <summary>Salesforce picklist-like values: industry, segment, seat tier.</summary>
    public const int Label = 200;

    public const int Priority = 40;
}
