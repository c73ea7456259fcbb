using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using PylonPortal.Analytics;
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
        services.AddPylonAnalytics(builder.Configuration);
        // First hosted service: migrations run before anything reads the database (Data Protection loads its keys at start).
        services.AddHostedService<DatabaseBootstrapper>();
        builder.AddPortalAuthentication();

        // Keys in the portal's database: restarts and several instances keep users signed in.
        services.AddDataProtection().SetApplicationName("PylonPortal").PersistKeysToDbContext<PortalDbContext>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddPipelineSchedule(builder.Configuration);
        return builder;
    }
}
