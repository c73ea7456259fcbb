using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PylonPortal.Web.Pipeline;

namespace PylonPortal.BrowserTests;

/// <summary>A first start in a browser: the "preparing" page follows the progress and turns into the portal on its own.</summary>
[Collection(BrowserCollection.Name)]
public class FirstStartTests(BrowserPortal portal)
{
    [Fact]
    public async Task The_preparing_page_shows_live_progress_and_becomes_the_overview_without_a_reload()
    {
        var folder = Directory.CreateTempSubdirectory("pylon-first-start-").FullName;
        using var gate = new ManualResetEventSlim(false);
        try
        {
            using var factory = new GatedPortal(Path.Combine(folder, "portal.db"), gate);
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
            var baseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

            var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/dev-sign-in");
            await page.FillAsync("#name", "Casey CSM");
            await page.CheckAsync("input[name=Roles][value=CS]");
            await page.ClickAsync("#sign-in");
            await page.WaitForURLAsync($"{baseUrl}/");

            await page.WaitForSelectorAsync("#demo-data-preparing");
            await page.WaitForSelectorAsync("#preparing-message");
            await BrowserPortal.ScreenshotAsync(page, "preparing");

            gate.Set();
            // The build's steps appear, then the page turns into the overview by itself (generous: a loaded CI box is slow).
            await page.WaitForSelectorAsync("#kpi-paying", new PageWaitForSelectorOptions { Timeout = 600_000 });
            Assert.Equal(0, await page.Locator("#demo-data-preparing").CountAsync());
            await context.CloseAsync();
        }
        finally
        {
            gate.Set();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The portal on a fresh database whose seeding waits at its first progress line until the gate opens.</summary>
    private sealed class GatedPortal(string databasePath, ManualResetEventSlim gate) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("Authentication:DevelopmentSignIn", "true");
            builder.UseSetting("Pipeline:SeedDemoDataWhenEmpty", "true");
            builder.UseSetting("DemoData:Orgs", "20");
            builder.UseSetting("DemoData:Days", "40");
            builder.ConfigureTestServices(services => services.AddSingleton(sp =>
            {
                var preparation = new DemoDataPreparation(sp.GetRequiredService<ILogger<DemoDataPreparation>>());
                preparation.Changed += () =>
                {
                    if (preparation.LastMessage is not null) gate.Wait(TimeSpan.FromMinutes(10));
                };
                return preparation;
            }));
        }
    }
}
