using PylonPortal.Web.Auth;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Components.Pages.Health;

/// <summary>POST /export/health.csv: the health page's rows as CSV (<see cref="ScoreGridExport"/>), read by <see cref="HealthQueryString"/>.</summary>
public static class HealthExport
{
    public const string Path = "/export/health.csv";

    /// <summary>Between the org's columns and its owner's.</summary>
    private static readonly string[] Columns =
    [
        "current_arr", "health_score", "health_band", "health_change_30d", "usage_score", "engagement_score", "support_score",
        "renewal_score", "trend_score", "sentiment_score", "days_to_renewal", "renewal_date",
    ];

    public static RouteHandlerBuilder MapHealthExport(this IEndpointRouteBuilder app) =>
        app.MapScoreGridExport<HealthRequest, HealthColumn, HealthRow>(Path, "health",
                (value, user) => HealthQueryString.Parse(value, user.Email()), HealthQuery.AllAsync, Columns,
                (csv, r) => csv.Number(r.Arr).Score(r.Health).Text(r.Band).Score(r.Change).Score(r.Usage).Score(r.Engagement)
                    .Score(r.Support).Score(r.Renewal).Score(r.Trend).Score(r.Sentiment).Number(r.DaysToRenewal).Date(r.RenewalDate))
            .RequireAuthorization(Policies.Health);
}
