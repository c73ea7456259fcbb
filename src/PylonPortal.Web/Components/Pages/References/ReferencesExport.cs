using PylonPortal.Web.Auth;
using PylonPortal.Web.Export;

namespace PylonPortal.Web.Components.Pages.References;

/// <summary>POST /export/references.csv: the references page's rows as CSV (<see cref="ScoreGridExport"/>), read by <see cref="ReferencesQueryString"/>.</summary>
public static class ReferencesExport
{
    public const string Path = "/export/references.csv";

    /// <summary>Between the org's columns and its owner's.</summary>
    private static readonly string[] Columns =
    [
        "industry", "current_arr", "reference_readiness_score", "is_reference_candidate", "health_score", "health_band",
        "effective_ai_adoption_score", "size_score", "tenure_score",
    ];

    public static RouteHandlerBuilder MapReferencesExport(this IEndpointRouteBuilder app) =>
        app.MapScoreGridExport<ReferencesRequest, ReferencesColumn, ReferenceRow>(Path, "references",
                (value, _) => ReferencesQueryString.Parse(value), ReferencesQuery.AllAsync, Columns,
                (csv, r) => csv.Text(r.Industry).Number(r.Arr).Score(r.Readiness).Boolean(r.IsCandidate).Score(r.Health).Text(r.Band)
                    .Score(r.AiAdoption).Score(r.Size).Score(r.Tenure))
            .RequireAuthorization(Policies.References);
}
