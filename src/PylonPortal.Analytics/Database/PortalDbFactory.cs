using System.Data.Common;

namespace PylonPortal.Analytics.Database;

/// <summary>Creates contexts for the configured provider: the app, the CLI and the pipeline each take a fresh one per unit of work.</summary>
public sealed class PortalDbFactory(DatabaseOptions options, Func<DbConnection>? connection = null)
{
    public DatabaseOptions Options { get; } = options;

    /// <summary>A context for short work (the pages): statements time out after <see cref="DatabaseOptions.CommandTimeoutSeconds"/>.</summary>
    public PortalDbContext Create() => PortalDatabase.CreateContext(Options, connection?.Invoke());

    /// <summary>A context for long work (builds): statements time out after <see cref="DatabaseOptions.BuildCommandTimeoutSeconds"/>.</summary>
    public PortalDbContext CreateForBuild() => PortalDatabase.CreateContext(Options, connection?.Invoke(), build: true);
}
