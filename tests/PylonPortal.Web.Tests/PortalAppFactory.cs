using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.Web.Tests;

/// <summary>
/// The real portal on a fresh SQLite file, in Development with the development sign-in: on start it
/// migrates, seeds a small demo dataset and builds the marts, as `dotnet run` does. Signed-in clients
/// are handed out once that preparation has ended.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pylon-web-").FullName;

    public string DatabasePath => Path.Combine(_folder, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        builder.UseSetting("Authentication:DevelopmentSignIn", "true");
        builder.UseSetting("Pipeline:SeedDemoDataWhenEmpty", "true");
        builder.UseSetting("DemoData:Orgs", "30");
        builder.UseSetting("DemoData:Days", "75");
    }

    /// <summary>A client with its own cookies, signed in through the development sign-in with these roles (none: signed in without a role).</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles)
    {
        await PreparedAsync();
        return await SignedInWhilePreparingAsync(roles);
    }

    /// <summary>Waits for the first start's seeding and build (generous: a loaded CI machine is slow, and nothing is timed).</summary>
    public Task PreparedAsync() => Services.GetRequiredService<DemoDataPreparation>().Ended.WaitAsync(TimeSpan.FromMinutes(10));

    /// <summary>As <see cref="SignedInClientAsync"/>, without waiting for the demo data.</summary>
    public async Task<HttpClient> SignedInWhilePreparingAsync(params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/dev-sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("Name", "Test User"),
            new("Email", "dev@localhost"),
            new("ReturnUrl", "/"),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        var response = await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalAppFactory>
{
    public const string Name = "portal";
}
