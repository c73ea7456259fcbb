using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Web.Tests.Security;

/// <summary>The portal in Production: Entra ID only, HTTPS only, keys shared through the database.</summary>
[Collection(EntraCollection.Name)]
public class ProductionEnvironmentTests(EntraPortal portal)
{
    /// <summary>Authentication:DevelopmentSignIn is true in this portal's configuration: outside Development it changes nothing.</summary>
    [Theory]
    [InlineData("GET", false)]
    [InlineData("POST", false)]
    [InlineData("GET", true)]
    [InlineData("POST", true)]
    public async Task The_development_sign_in_does_not_exist(string method, bool signedIn)
    {
        var browser = signedIn ? await portal.SignedInBrowserAsync(new TestUser("dev@contoso.test", "Dev Eloper", "CS")) : portal.NewBrowser();

        var response = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/account/dev-sign-in")
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Mallory", ["Roles"] = "Admin" }) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pylon.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS()
    {
        var response = await portal.NewBrowser().GetAsync(new Uri(portal.Portal.HttpAddress, "/health?band=Watch"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri(portal.HttpsAddress, "/health?band=Watch"), response.Headers.Location);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_so_another_instance_keeps_users_signed_in()
    {
        var browser = await portal.SignedInBrowserAsync(new TestUser("sam@contoso.test", "Sam Scale", "PM"));
        await using (var db = portal.Portal.Services.GetRequiredService<PortalDbFactory>().Create())
            Assert.NotEqual(0, await db.DataProtectionKeys.CountAsync());

        // A second server on the same database (or this one restarted) reads the same keys: the cookie still works.
        var sameDatabase = portal.StartInstance(portal.Portal.DatabasePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(sameDatabase.HttpsAddress, "/"))).StatusCode);

        // A server with other keys cannot read the cookie: the user is sent to sign in.
        var otherDatabase = portal.StartInstance(PortalInstance.NewDatabasePath());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri(otherDatabase.HttpsAddress, "/"))).StatusCode);
        // On a first start the keys table is created (migrations) before Data Protection reads it.
        Assert.DoesNotContain(otherDatabase.LoggedErrors, e => e.Contains("DataProtection", StringComparison.Ordinal));
    }
}

/// <summary>Outside Development the portal does not start without its Entra ID settings.</summary>
public class EntraSettingsTests
{
    [Theory]
    [InlineData("", "", "AzureAd:TenantId (missing), AzureAd:ClientId (missing)")]
    [InlineData("Enter_the_Tenant_Id_here", "Enter_the_Client_Id_here", "AzureAd:TenantId (missing), AzureAd:ClientId (missing)")]
    [InlineData("7f0c9a7e-3b1d-4f0e-9c1a-5d2e8b6a4c10", "", "AzureAd:ClientId (missing)")]
    [InlineData("common", "2a4b6c8d-1e3f-4a5b-8c7d-9e0f1a2b3c4d", "AzureAd:TenantId (your tenant's id, not a multi-tenant value)")]
    public void Missing_or_placeholder_settings_stop_the_app_at_start_naming_them(string tenantId, string clientId, string named)
    {
        var databasePath = PortalInstance.NewDatabasePath();
        using var app = new PortalInstance("Production", databasePath, new Dictionary<string, string?>
        {
            ["AzureAd:TenantId"] = tenantId,
            ["AzureAd:ClientId"] = clientId,
            ["Authentication:DevelopmentSignIn"] = "true",
        });
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            var message = Flatten(error);
            Assert.Contains($"Entra ID sign-in is not configured: set {named} (see docs/entra-id.md)", message);
        }
        finally
        {
            PortalInstance.DeleteFolder(databasePath);
        }
    }

    private static string Flatten(Exception error) => error.InnerException is null ? error.Message : $"{error.Message} {Flatten(error.InnerException)}";
}
