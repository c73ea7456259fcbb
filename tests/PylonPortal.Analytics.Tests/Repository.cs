using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests;

public static class Repository
{
    /// <summary>The repository root: the folder holding PylonPortal.sln above the test binaries.</summary>
    public static string Root { get; } = DatabaseOptions.RepositoryRoot(AppContext.BaseDirectory)
                                         ?? throw new InvalidOperationException("PylonPortal.sln not found above " + AppContext.BaseDirectory);
}
