namespace PylonPortal.Web.Auth;

/// <summary>
/// Outside Development the portal signs people in with Entra ID only. Microsoft.Identity.Web starts with
/// placeholder settings and fails on the first request, so the settings are checked at start instead.
/// </summary>
public static class EntraSettings
{
    private static readonly string[] Required = ["Instance", "TenantId", "ClientId", "CallbackPath"];

    /// <summary>Multi-tenant authorities: any organization's users could sign in (without a role, but signed in).</summary>
    private static readonly string[] SharedTenants = ["common", "organizations", "consumers"];

    /// <summary>The settings that are missing or wrong, each named with its full key and what is wrong with it.</summary>
    private static List<string> Problems(IConfigurationSection azureAd)
    {
        var problems = Required.Where(key => IsMissing(azureAd[key])).Select(key => $"AzureAd:{key} (missing)").ToList();
        if (!IsMissing(azureAd["Instance"]) && !(Uri.TryCreate(azureAd["Instance"], UriKind.Absolute, out var instance) && instance.Scheme == Uri.UriSchemeHttps))
            problems.Add("AzureAd:Instance (an https:// address, e.g. https://login.microsoftonline.com/)");
        if (SharedTenants.Contains(azureAd["TenantId"], StringComparer.OrdinalIgnoreCase))
            problems.Add("AzureAd:TenantId (your tenant's id, not a multi-tenant value)");
        return problems;
    }

    public static void ThrowIfIncomplete(IConfigurationSection azureAd)
    {
        var problems = Problems(azureAd);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Entra ID sign-in is not configured: set {string.Join(", ", problems)} (see docs/entra-id.md). "
                + "The development sign-in is only available when ASPNETCORE_ENVIRONMENT is Development.");
    }

    private static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || value.Contains("Enter_the", StringComparison.OrdinalIgnoreCase)
        || value.Contains('<', StringComparison.Ordinal)
        || value == "00000000-0000-0000-0000-000000000000";
}
