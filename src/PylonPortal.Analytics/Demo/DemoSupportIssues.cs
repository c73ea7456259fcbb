using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Demo;

/// <summary>
/// <c>pylon_issues</c>: the support tickets customers open with the teams using Pylon, in proportion to how
/// busy the org is. Airbyte extracts an issue when it is opened and again when it is resolved (with the
/// resolution time and, for some, a CSAT rating). Happy orgs rate 4-5, unhappy ones lower; now and then a
/// survey widget sends 0 or 7, which the pipeline must treat as no rating.
/// </summary>
internal sealed class DemoSupportIssues(DemoCompany company, DemoWindow window, DemoAirbyte airbyte, DemoRandom random)
{
    private const double IssuesPerUserDay = 0.02, ResolvedShare = 0.85, RatedShare = 0.35;

    /// <summary>About one rating in this many is out of range (0 and 7 take turns).</summary>
    private const int OddRatingEvery = 25;

    private static readonly decimal[] HappyRatings = [5, 5, 5, 5, 4, 4, 4, 3];
    private static readonly decimal[] UnhappyRatings = [1, 1, 2, 2, 3, 3, 4, 5];

    private int _untilOddRating = OddRatingEvery / 2;
    private int _oddRatings;

    public IEnumerable<RawPylonIssue> Rows()
    {
        foreach (var org in company.Orgs)
            for (var day = 0; day < window.Days; day++)
            {
                var activity = org.Activity(window, day);
                if (activity == 0) continue;
                var opened = random.Geometric(org.Users.Count * IssuesPerUserDay * activity * window.WeekdayFactor(day));
                for (var i = 0; i < opened; i++)
                    foreach (var row in Issue(org, day))
                        yield return row;
            }
    }

    private IEnumerable<RawPylonIssue> Issue(DemoOrg org, int day)
    {
        var second = random.Next(86_400);
        if (second >= window.ElapsedSeconds(day)) yield break;
        var createdAt = window.At(day, second);
        var priority = random.NextDouble() switch { < 0.04 => "urgent", < 0.22 => "high", < 0.57 => "medium", _ => "low" };
        var issue = new RawPylonIssue { Id = random.Uuid(), OrganizationId = org.Id, CreatedAt = createdAt, Priority = priority };
        yield return airbyte.Stamp(issue, airbyte.SyncAfter(createdAt));

        if (!random.Chance(ResolvedShare)) yield break;
        var resolvedAt = createdAt.AddHours(ResolutionHours(priority));
        if (resolvedAt > window.Now) yield break;
        var resolved = new RawPylonIssue
        {
            Id = issue.Id, OrganizationId = org.Id, CreatedAt = createdAt, Priority = priority, ResolvedAt = resolvedAt,
            CsatScore = random.Chance(RatedShare) ? Rating(org) : null,
        };
        yield return airbyte.Stamp(resolved, airbyte.SyncAfter(resolvedAt));
    }

    /// <summary>Half are fixed the same day, most within three days, a few take two weeks; urgent ones four times faster.</summary>
    private double ResolutionHours(string priority)
    {
        var hours = random.NextDouble() switch
        {
            < 0.5 => random.Between(0.5, 8),
            < 0.8 => random.Between(8, 72),
            _ => random.Between(72, 336),
        };
        return priority == "urgent" ? hours / 4 : hours;
    }

    private decimal Rating(DemoOrg org)
    {
        if (--_untilOddRating == 0)
        {
            _untilOddRating = random.Next(OddRatingEvery / 2, OddRatingEvery * 3 / 2);
            return _oddRatings++ % 2 == 0 ? 0 : 7;
        }
        return random.Pick(random.Chance(org.Sketch.Satisfaction) ? HappyRatings : UnhappyRatings);
    }
}
