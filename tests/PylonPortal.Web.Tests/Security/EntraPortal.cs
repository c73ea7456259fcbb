using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace PylonPortal.Web.Tests.Security;

/// <summary>
/// The portal as deployed: Production environment, Entra ID sign-in through Microsoft.Identity.Web, on
/// Kestrel over HTTPS (plus a plain HTTP port to check the redirect), pointed through the AzureAd settings
/// at <see cref="TestOpenIdProvider"/>. The development sign-in is switched on in configuration on
/// purpose: outside Development it must not exist anyway.
/// </summary>
public sealed partial class EntraPortal : IAsyncLifetime
{
    /// <summary>The named HttpClient Microsoft.Identity.Web's issuer validator fetches metadata with.</summary>
    private const string ProviderClient = "test-openid-provider";

    private readonly List<Instance> _instances = [];

    /// <summary>One self-signed certificate for 127.0.0.1, served by both the provider and the portal.</summary>
    public X509Certificate2 Certificate { get; } = CreateCertificate();
    public TestOpenIdProvider Provider { get; private set; } = null!;

    /// <summary>The portal instance the tests talk to.</summary>
    public Instance Portal { get; private set; } = null!;

    public Uri HttpsAddress => Portal.HttpsAddress;

    public async Task InitializeAsync()
    {
        Provider = await TestOpenIdProvider.StartAsync(Certificate);
        Portal = StartInstance(PortalInstance.NewDatabasePath(), new()
        {
            ["Pipeline:SeedDemoDataWhenEmpty"] = "true",
            ["DemoData:Orgs"] = "30",
            ["DemoData:Days"] = "75",
        });
        // The tests read the filled portal, not the "preparing the demo data" page.
        await Portal.Services.GetRequiredService<PylonPortal.Web.Pipeline.DemoDataPreparation>().Ended.WaitAsync(TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// Another instance of the portal signing in with the same provider: on the same database (a restart or
    /// a second server) or another one. <paramref name="settings"/> adds to or overrides the AzureAd ones.
    /// </summary>
    public Instance StartInstance(string databasePath, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = Provider.Instance.ToString(),
            ["AzureAd:TenantId"] = TestOpenIdProvider.TenantId,
            ["AzureAd:ClientId"] = TestOpenIdProvider.ClientId,
            ["Authentication:DevelopmentSignIn"] = "true",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var instance = new Instance(this, databasePath, all);
        instance.Start();
        _instances.Add(instance);
        return instance;
    }

    /// <summary>
    /// A browser: its own cookies (for 127.0.0.1, whatever the port, so they reach every instance), no automatic
    /// redirects (the tests follow them), trusting the test certificate.
    /// </summary>
    public HttpClient NewBrowser(Instance? instance = null) => new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => IsTestCertificate(certificate) },
    })
    { BaseAddress = (instance ?? Portal).HttpsAddress };

    /// <summary>A browser signed in as <paramref name="user"/> through the real OpenID Connect flow.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(TestUser user, Instance? instance = null)
    {
        var browser = NewBrowser(instance);
        var callback = await SignInAsync(browser, user);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return browser;
    }

    /// <summary>
    /// Sign-in as a browser does it: the portal sends it to the provider's authorize endpoint, the user signs in
    /// there, and the provider's form_post page posts the id_token back to /signin-oidc. Returns that last response.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, TestUser user, string returnUrl = "/")
    {
        Provider.AddAccount(user);
        var authorize = await StartSignInAsync(browser, returnUrl);
        var formPost = await browser.GetStringAsync($"{authorize}&login={Uri.EscapeDataString(user.Login)}");
        return await SubmitFormAsync(browser, formPost);
    }

    /// <summary>Asks the portal to sign in; returns the provider's authorize address it redirects to.</summary>
    public async Task<Uri> StartSignInAsync(HttpClient browser, string returnUrl = "/")
    {
        var response = await browser.GetAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith($"{Provider.Instance}{TestOpenIdProvider.TenantId}/oauth2/v2.0/authorize", location.ToString());
        return location;
    }

    /// <summary>What a browser does with a form_post page: submit its form with the hidden fields.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, string html)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenField().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        return browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private bool IsTestCertificate(X509Certificate? certificate) => certificate?.GetCertHashString() == Certificate.Thumbprint;

    private HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => IsTestCertificate(certificate),
    };

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported from PKCS#12 so Kestrel's TLS gets a persisted private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
            PortalInstance.DeleteFolder(instance.DatabasePath);
        }
        await Provider.DisposeAsync();
    }

    /// <summary>
    /// The portal on Kestrel, HTTPS plus a plain HTTP port (to see the redirect). The only test-specific wiring:
    /// trust the provider's self-signed certificate where Microsoft.Identity.Web talks to it (the OpenID Connect
    /// metadata and key backchannel, and the issuer validator's HttpClient).
    /// </summary>
    public sealed class Instance(EntraPortal portal, string databasePath, IReadOnlyDictionary<string, string?> settings)
        : PortalInstance("Production", databasePath, settings)
    {
        public Uri HttpsAddress { get; private set; } = null!;
        public Uri HttpAddress { get; private set; } = null!;

        public void Start()
        {
            UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(portal.Certificate));
                kestrel.Listen(IPAddress.Loopback, 0);
            });
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            HttpsAddress = new Uri(addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal)));
            HttpAddress = new Uri(addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal)));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Static files from the build's manifest, as Development does: a published app has them in wwwroot.
            builder.UseStaticWebAssets();
            builder.ConfigureTestServices(services =>
            {
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = portal.TrustingHandler());
                services.AddHttpClient(ProviderClient).ConfigurePrimaryHttpMessageHandler(portal.TrustingHandler);
                services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = ProviderClient);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EntraCollection : ICollectionFixture<EntraPortal>
{
    public const string Name = "entra";
}
