using System.Data.Common;

namespace PylonPortal.Analytics.Database;

/// <summary>Creates contexts for the configured provider: the app, the CLI and the pipeline each take a fresh one per unit of work.</summary>
public sealed class PortalDbFactory(DatabaseOptions options, Func<DbConnection>? connection = null)
{
    public DatabaseOptions Options { get; } = options;

    public PortalDbContext Create() => PortalDatabase.CreateContext(Options, connection?.Invoke());
}
