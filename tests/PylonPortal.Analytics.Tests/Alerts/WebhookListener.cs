using System.Net;
using System.Net.Sockets;

namespace PylonPortal.Analytics.Tests.Alerts;

/// <summary>A real HTTP listener on 127.0.0.1 standing in for a Teams/Slack incoming webhook: it keeps every body it receives.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failuresLeft;

    /// <param name="failFirst">Answer this many requests with 500 before accepting any.</param>
    public WebhookListener(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        Url = $"http://127.0.0.1:{FreePort()}/hooks/digest/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public List<string> Bodies { get; } = [];
    public int Requests { get; private set; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; } // stopped
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (Bodies)
            {
                Requests++;
                if (_failuresLeft > 0) _failuresLeft--;
                else Bodies.Add(body);
                context.Response.StatusCode = Bodies.Contains(body) ? 200 : 500;
            }
            context.Response.Close();
        }
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(30));
    }
}
