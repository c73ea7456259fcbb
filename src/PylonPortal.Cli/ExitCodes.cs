namespace PylonPortal.Cli;

/// <summary>Exit codes scripts can trust.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed: a build or an error-level check failed, a file had bad rows.</summary>
    public const int Failed = 1;

    /// <summary>The command line or configuration is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Another build holds the database lock; try again later.</summary>
    public const int BuildRunning = 3;
}
