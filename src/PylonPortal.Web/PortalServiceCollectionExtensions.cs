using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using MudBlazor.Services;
using PylonPortal.Analytics;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Auth;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.Web;

/// <summary>Every service the portal registers, in one place.</summary>
public static class PortalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = DatabaseOptions.Read(builder.Configuration);
        services.AddPylonAnalytics(builder.Configuration, database);
        // First: its hosted service migrates before anything reads the database (Data Protection loads its keys at start).
        // Whether the digest is scheduled is decided at registration (the bound options are validated at start).
        services.AddPipeline(database, builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions());
        builder.AddPortalAuthentication();

        // Keys in the portal's database: restarts and several instances keep users signed in.
        services.AddDataProtection().SetApplicationName("PylonPortal");
        services.AddOptions<KeyManagementOptions>().Configure<PortalDbFactory>((keys, databases) => keys.XmlRepository = new DataProtectionKeys(databases));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // No "Server: Kestrel": the response need not tell a scanner what it runs on.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<ReadCommittedSnapshotWarning>();
        return builder;
    }
}
