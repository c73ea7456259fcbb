using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PylonPortal.Analytics.Alerts;
using PylonPortal.Analytics.Database;
using PylonPortal.Analytics.Demo;
using PylonPortal.Analytics.Pipeline;
using PylonPortal.Analytics.Scoring;
using PylonPortal.Analytics.Sources.Import;

namespace PylonPortal.Analytics;

/// <summary>The analytics services the portal, its schedule and the CLI share, bound to configuration by section name.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    public static IServiceCollection AddPylonAnalytics(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPylonAnalytics(configuration, DatabaseOptions.Read(configuration));

    /// <param name="database">The database settings, bound once by <see cref="DatabaseOptions.Read"/>.</param>
    public static IServiceCollection AddPylonAnalytics(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScoringOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        services.AddSingleton(configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>() ?? new DemoDataOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PortalDbFactory(sp.GetRequiredService<DatabaseOptions>()));
        services.AddSingleton<BuildService>();
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<DemoDataGenerator>();
        return services;
    }

    internal static bool IsCron(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A bad weight or threshold stops the app at start with a message naming the setting.</summary>
    private sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScoringOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
    {
        public ValidateOptionsResult Validate(string? name, PipelineOptions options)
        {
            var errors = new List<string>();
            if (!IsCron(options.Schedule))
                errors.Add($"Pipeline:Schedule '{options.Schedule}' is not a valid Quartz cron expression (e.g. \"0 0 * * * ?\" for hourly).");
            if (options.Lookback < TimeSpan.Zero)
                errors.Add($"Pipeline:Lookback must not be negative (was {options.Lookback}).");
            if (options.OrgsPerChunk <= 0)
                errors.Add($"Pipeline:OrgsPerChunk must be positive (was {options.OrgsPerChunk}).");
            return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
