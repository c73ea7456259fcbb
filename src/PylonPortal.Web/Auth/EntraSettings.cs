namespace PylonPortal.Web.Auth;

/// <summary>
/// Outside Development the portal signs people in with Entra ID only. Microsoft.Identity.Web starts with
/// placeholder settings and fails on the first request, so the settings are checked at start instead.
/// </summary>
public static class EntraSettings
{
    private static readonly string[] Required = ["Instance", "TenantId", "ClientId", "CallbackPath"];

    public static IReadOnlyList<string> Missing(IConfigurationSection azureAd) =>
        Required.Where(key => IsMissing(azureAd[key])).Select(key => $"AzureAd:{key}").ToList();

    public static void ThrowIfIncomplete(IConfigurationSection azureAd)
    {
        var missing = Missing(azureAd);
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Entra ID sign-in is not configured: set {string.Join(", ", missing)} (see README, \"Sign-in with Entra ID\"). "
                + "The development sign-in is only available when ASPNETCORE_ENVIRONMENT is Development.");
    }

    private static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || value.Contains("Enter_the", StringComparison.OrdinalIgnoreCase)
        || value.Contains("<", StringComparison.Ordinal)
        || value == "00000000-0000-0000-0000-000000000000";
}
