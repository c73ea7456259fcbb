using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace PylonPortal.Web.Tests.Security;

/// <summary>
/// The real portal in a given environment with given settings, on a SQLite file that several instances can
/// share (to show that Data Protection keys live in the database). Settings go in as configuration, as a
/// deployer would set them.
/// </summary>
public class PortalInstance(string environment, string databasePath, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    private readonly ConcurrentQueue<string> _errors = new();

    public string DatabasePath => databasePath;

    /// <summary>Every error the app logged, as "category: message".</summary>
    public IEnumerable<string> LoggedErrors => _errors;

    /// <summary>A fresh temporary folder for a database file; delete it with <see cref="DeleteFolder"/>.</summary>
    public static string NewDatabasePath() => Path.Combine(Directory.CreateTempSubdirectory("pylon-security-").FullName, "portal.db");

    public static void DeleteFolder(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(databasePath)!, recursive: true); } catch (IOException) { }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLog(_errors)));
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Collects what the app logs at Error and above.</summary>
    private sealed class ErrorLog(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(errors, categoryName);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> errors, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }
}
