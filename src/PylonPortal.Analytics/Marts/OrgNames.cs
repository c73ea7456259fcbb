namespace PylonPortal.Analytics.Marts;

/// <summary>
/// What the portal calls an org. An org can have no name: `org-X` events are attributed to X even when X is not
/// in pylon_organizations (DESIGN section 3, rule 4), so it joins the marts with neither a name nor an account.
/// </summary>
public static class OrgNames
{
    public const string UnnamedExplanation =
        "An unnamed org has product events (system events sent as org-<id>) but no row in Pylon's organizations table and no " +
        "Salesforce account: typically a deleted workspace or a sandbox whose automations still send events. It is counted and " +
        "scored like any other org.";

    public static bool IsUnnamed(string? name, string? accountName) => name is null && accountName is null;

    /// <summary>The org's name, else its Salesforce account's, else "Unnamed org" and the start of its id.</summary>
    public static string Display(string? name, string? accountName, string orgId) =>
        name ?? accountName ?? $"Unnamed org {orgId[..Math.Min(8, orgId.Length)]}";
}
