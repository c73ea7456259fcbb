namespace PylonPortal.Web.Auth;

/// <summary>The Entra ID app roles (the <c>roles</c> claim).</summary>
public static class Roles
{
    public const string CS = "CS";
    public const string PM = "PM";
    public const string Marketing = "Marketing";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [CS, PM, Marketing, Admin];

    /// <summary>The claim type roles arrive in: Entra's <c>roles</c>, also used by the development sign-in.</summary>
    public const string ClaimType = "roles";
}

/// <summary>One policy per page (DESIGN section 7): who may open it.</summary>
public static class Policies
{
    /// <summary>Overview and org pages: anyone with a portal role.</summary>
    public const string AnyRole = "AnyRole";

    public const string Health = "Health";
    public const string References = "References";
    public const string Trends = "Trends";
    public const string Pipeline = "Pipeline";
    public const string Changes = "Changes";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [AnyRole] = [Roles.CS, Roles.PM, Roles.Marketing, Roles.Admin],
        [Health] = [Roles.CS, Roles.Admin],
        [References] = [Roles.Marketing, Roles.CS, Roles.Admin],
        [Trends] = [Roles.PM, Roles.CS, Roles.Admin],
        [Pipeline] = [Roles.Admin],
        [Changes] = [Roles.CS, Roles.Admin],
    };
}
