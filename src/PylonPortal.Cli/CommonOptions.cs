using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PylonPortal.Analytics;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Cli;

/// <summary>The options every command takes, and the host they configure.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "A SQLite database file (created when missing). Default: ConnectionStrings:Portal from configuration.",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite or sqlserver. Default: Database:Provider from configuration.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "The ADO.NET connection string (with --provider sqlserver).",
        Recursive = true,
    };

    /// <summary>The services of the portal, with the database the command line names, migrated and ready.</summary>
    public static async Task<IServiceProvider> StartAsync(ParseResult parse, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(Overrides(parse));
        builder.Services.AddPylonAnalytics(builder.Configuration);
        var services = builder.Services.BuildServiceProvider(validateScopes: true);
        var databases = services.GetRequiredService<PortalDbFactory>();
        await using var context = databases.Create();
        await PortalDatabase.MigrateAsync(context, ct);
        Console.Error.WriteLine($"Database: {Describe(databases.Options)}");
        return services;
    }

    private static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        var provider = parse.GetValue(Provider);
        var connection = parse.GetValue(Connection);
        if (parse.GetValue(Db) is { } file)
        {
            if (provider is not null && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
                throw new CliException("--db names a SQLite file; it cannot be combined with --provider " + provider + ".");
            overrides["Database:Provider"] = nameof(DatabaseProvider.Sqlite);
            // A file typed on the command line is relative to where it was typed, not to the repository root.
            overrides["ConnectionStrings:Portal"] = $"Data Source={Path.GetFullPath(file)}";
        }
        else if (provider is not null)
        {
            if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed))
                throw new CliException($"--provider must be sqlite or sqlserver (was '{provider}').");
            if (parsed == DatabaseProvider.SqlServer && connection is null)
                throw new CliException("--provider sqlserver needs --connection \"Server=...;Database=...\".");
            overrides["Database:Provider"] = parsed.ToString();
        }
        if (connection is not null) overrides["ConnectionStrings:Portal"] = connection;
        return overrides;
    }

    public static string Describe(DatabaseOptions options) => options.Provider == DatabaseProvider.Sqlite
        ? $"SQLite {Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource)}"
        : $"SQL Server {new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString) { Password = "" }.DataSource}";
}

/// <summary>A usage problem: printed without a stack trace, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
