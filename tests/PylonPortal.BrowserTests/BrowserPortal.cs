using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PylonPortal.Analytics.Database;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.BrowserTests;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (seeded and built on start, as `dotnet run` does) and Debian's
/// Chromium driven by Playwright. One of each for all browser tests.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pylon-browser-").FullName;
    private Factory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The portal's own database, for tests that pick their subject from the seeded data.</summary>
    public PortalDbFactory Databases => _factory!.Services.GetRequiredService<PortalDbFactory>();

    /// <summary>Where screenshots go; the README shows the overview and org ones.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new Factory(Path.Combine(_folder, "portal.db"));
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // The portal listens at once and prepares the demo data in the background; the tests want the filled portal.
        await _factory.Services.GetRequiredService<DemoDataPreparation>().Ended.WaitAsync(TimeSpan.FromMinutes(10));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context signed in through the development sign-in page, with these roles.</summary>
    public Task<IPage> SignedInPageAsync(string name = "Casey CSM", params string[] roles) => SignedInAsAsync(name, email: null, roles);

    /// <summary>As <see cref="SignedInPageAsync"/>, with the email "my accounts" matches (the sign-in page's default when null).</summary>
    public async Task<IPage> SignedInAsAsync(string name, string? email, params string[] roles)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/dev-sign-in");
        await page.FillAsync("#name", name);
        if (email is not null) await page.FillAsync("#email", email);
        foreach (var checkbox in await page.QuerySelectorAllAsync("input[name=Roles]"))
        {
            var role = await checkbox.GetAttributeAsync("value");
            if (roles.Contains(role)) await checkbox.CheckAsync(); else await checkbox.UncheckAsync();
        }
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync($"{BaseUrl}/");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        _factory?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class Factory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("Authentication:DevelopmentSignIn", "true");
            builder.UseSetting("Pipeline:SeedDemoDataWhenEmpty", "true");
            builder.UseSetting("DemoData:Orgs", "60");
            builder.UseSetting("DemoData:Days", "120");
            // CI starts at any hour: no hourly build may fire between the tests (they start the one they need).
            builder.UseSetting("Pipeline:Schedule", "0 0 0 1 1 ? 2099");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
