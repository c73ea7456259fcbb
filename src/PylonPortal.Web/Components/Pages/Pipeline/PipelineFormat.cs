using System.Globalization;
using MudBlazor;
using PylonPortal.Analytics.Pipeline;

namespace PylonPortal.Web.Components.Pages.Pipeline;

/// <summary>How the pipeline page writes times, durations, counts and statuses.</summary>
public static class PipelineFormat
{
    public static string Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "—";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 1 } d => $"{Math.Max(0, d.TotalMilliseconds):0} ms",
        { TotalMinutes: < 1 } d => $"{d.TotalSeconds:0.0} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes} min",
    };

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static Color StatusColor(string status) => status switch
    {
        RunStatus.Succeeded or CheckStatus.Pass => Color.Success,
        RunStatus.Failed or CheckStatus.Fail => Color.Error,
        RunStatus.Running => Color.Info,
        RunStatus.Abandoned => Color.Warning,
        _ => Color.Default,
    };
}
