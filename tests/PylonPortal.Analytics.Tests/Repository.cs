namespace PylonPortal.Analytics.Tests;

public static class Repository
{
    /// <summary>The repository root: the folder holding PylonPortal.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PylonPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("PylonPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
