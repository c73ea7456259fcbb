using Microsoft.Extensions.Configuration;
using PylonPortal.Analytics.Database;

namespace PylonPortal.Analytics.Tests.Database;

/// <summary>The demo database is data/pylon-portal.db under the repository root, whatever folder `dotnet run` starts from.</summary>
public class DatabaseOptionsTests
{
    private static DatabaseOptions Read(params (string Key, string Value)[] settings) => DatabaseOptions.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void The_default_sqlite_file_resolves_under_the_repository_root()
    {
        var options = Read();
        Assert.Equal($"Data Source={Path.Combine(Repository.Root, "data", "pylon-portal.db")}", options.ConnectionString);
    }

    [Fact]
    public void ConnectionStrings_Portal_wins_and_a_relative_file_in_it_resolves_under_the_repository_root_too()
    {
        var options = Read(("ConnectionStrings:Portal", "Data Source=other/x.db;Cache=Shared"));
        Assert.Equal($"Data Source={Path.Combine(Repository.Root, "other", "x.db")};Cache=Shared", options.ConnectionString);
    }

    [Fact]
    public void Absolute_files_memory_databases_and_sql_server_are_left_as_they_are()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "a.db");
        Assert.Equal($"Data Source={absolute}", Read(("ConnectionStrings:Portal", $"Data Source={absolute}")).ConnectionString);
        Assert.Equal("Data Source=:memory:", Read(("ConnectionStrings:Portal", "Data Source=:memory:")).ConnectionString);
        Assert.Equal("Server=db;Database=portal", Read(("Database:Provider", "SqlServer"), ("ConnectionStrings:Portal", "Server=db;Database=portal")).ConnectionString);
    }

    [Fact]
    public void Outside_a_clone_a_relative_file_stays_relative_to_the_working_directory()
    {
        Assert.Null(DatabaseOptions.RepositoryRoot(Path.GetTempPath()));
        Assert.Equal("Data Source=data/pylon-portal.db", DatabaseOptions.ResolveSqliteFile("Data Source=data/pylon-portal.db", root: null));
    }
}
