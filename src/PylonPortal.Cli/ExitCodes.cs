namespace PylonPortal.Cli;

/// <summary>Exit codes scripts can trust.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed: a build or an error-level check failed, a file had bad rows.</summary>
    public const int Failed = 1;

    /// <summary>The command line or configuration is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Another build holds the database lock (a build or an import waited Database:LockTimeoutSeconds); try again later.</summary>
    public const int BuildRunning = 3;

    /// <summary>
    /// Stopped by Ctrl-C or SIGTERM: the work rolled back, nothing changed; a build is recorded as <c>cancelled</c>.
    /// 130 is the shell's code for a process ended by SIGINT.
    /// </summary>
    public const int Cancelled = 130;
}
