using PylonPortal.Analytics.Sources;

namespace PylonPortal.Analytics.Demo;

/// <summary>
/// PostHog's <c>product_events</c>, day by day (so extraction times mostly rise, as Airbyte appends them),
/// streamed: nothing is held beyond the row being made. Each day has:
/// <list type="bullet">
/// <item>customers' users in work sessions, in business hours where their team is;</item>
/// <item>automations Pylon runs for each org (<c>org-&lt;id&gt;</c>), and for two sandboxes Pylon no longer knows;</item>
/// <item>anonymous readers of customers' public help centres and Pylon's own support engineers: real events no org can be credited with;</item>
/// <item>Airbyte's quirks: duplicates re-extracted later (some renamed), late arrivals, truncated or nulled values, and now and then a row missing a required field.</item>
/// </list>
/// </summary>
internal sealed class DemoProductEvents(DemoCompany company, DemoWindow window, DemoAirbyte airbyte, DemoRandom random)
{
    /// <summary>PostHog project id of Pylon production.</summary>
    private const long TeamId = 2;

    private const double MaxActiveChance = 0.95;
    private const double DuplicateRate = 0.008, RenamedDuplicateShare = 0.25;
    private const double LateRate = 0.002, ChangedRate = 0.003;
    private const double PublicReaderChance = 0.25, ViewsPerPublicReader = 2, StaffVisitChance = 0.5;
    private const double UnknownOrgAutomationsPerDay = 2;

    /// <summary>About one row in this many is missing a required field; the three fields take turns.</summary>
    private const int BrokenRowEvery = 2_500;

    private static readonly EventMix StaffMix = EventMix.Uniform(DemoCatalog.StaffEvents);
    private static readonly EventMix PublicReaderMix = EventMix.Uniform([DemoCatalog.PublicArticleViewed]);
    private static readonly EventMix SystemMix = EventMix.Uniform(DemoCatalog.SystemEvents);
    private static readonly EventMix SystemAiMix = EventMix.Uniform([.. DemoCatalog.SystemEvents, .. DemoCatalog.SystemAiEvents]);

    private static readonly HashSet<string> AiEventNames = [.. DemoCatalog.AiEvents.Select(e => e.Name)];

    private readonly DateTimeOffset _lateCutoff = window.Now.AddDays(-7);
    private int _untilBroken = BrokenRowEvery;
    private int _brokenRows;

    public IEnumerable<RawProductEvent> Rows()
    {
        for (var day = 0; day < window.Days; day++)
        {
            foreach (var org in company.Orgs)
                foreach (var row in OrgDay(org, day))
                    yield return row;
            foreach (var orgId in company.UnknownOrgIds)
                foreach (var row in Automations(null, "org-" + orgId, SystemAiMix, UnknownOrgAutomationsPerDay, day))
                    yield return row;
            foreach (var staff in company.Staff)
                if (random.Chance(StaffVisitChance * window.WeekdayFactor(day)))
                    foreach (var row in Session(random.Pick(company.Orgs), staff, day, StaffMix))
                        yield return row;
        }
    }

    /// <summary>Roughly how many rows <see cref="Rows"/> makes, from the same chances it draws from (for progress).</summary>
    public long EstimatedRows()
    {
        var expected = 0.0;
        for (var day = 0; day < window.Days; day++)
        {
            var share = window.ElapsedSeconds(day) / 86_400.0;
            foreach (var org in company.Orgs)
            {
                var activity = org.Activity(window, day);
                if (activity == 0) continue;
                foreach (var user in org.Users)
                    if (IsMember(user, day)) expected += share * ActiveChance(user, activity, day) * user.EventsPerDay;
                expected += share * (AutomationsPerDay(org) + PublicReaderChance * ViewsPerPublicReader) * activity;
            }
            expected += share * company.UnknownOrgIds.Count * UnknownOrgAutomationsPerDay;
            expected += share * company.Staff.Sum(s => StaffVisitChance * window.WeekdayFactor(day) * s.EventsPerDay);
        }
        return (long)(expected * (1 + DuplicateRate));
    }

    private IEnumerable<RawProductEvent> OrgDay(DemoOrg org, int day)
    {
        var activity = org.Activity(window, day);
        if (activity == 0) yield break;
        foreach (var user in org.Users)
            if (IsMember(user, day) && random.Chance(ActiveChance(user, activity, day)))
                foreach (var row in Session(org, user, day, EventMix.For(org.Ai, user.UsesAi)))
                    yield return row;
        var automations = org.Ai == AiAdoption.None ? SystemMix : SystemAiMix;
        foreach (var row in Automations(org, org.SystemDistinctId, automations, AutomationsPerDay(org) * activity, day))
            yield return row;
        if (random.Chance(PublicReaderChance * activity))
            foreach (var row in PublicReader(org, day))
                yield return row;
    }

    private static bool IsMember(DemoUser user, int day) => day >= user.FirstDay && day < user.LastDay;

    private double ActiveChance(DemoUser user, double activity, int day) =>
        Math.Min(MaxActiveChance, user.Engagement * activity * window.WeekdayFactor(day));

    /// <summary>Automations (auto-close, SLA alerts, workflows, AI triage) scale with the team, weekends included.</summary>
    private static double AutomationsPerDay(DemoOrg org) => 0.4 + 0.03 * org.Users.Count;

    /// <summary>A user's working session: starts in business hours where the team is, one event every few minutes.</summary>
    private IEnumerable<RawProductEvent> Session(DemoOrg org, DemoUser user, int day, EventMix mix)
    {
        var elapsed = window.ElapsedSeconds(day);
        var localStart = random.Next(8 * 3600, 18 * 3600);
        var second = Mod(localStart - (int)org.UtcOffset.TotalSeconds, 86_400);
        var count = random.Count(user.EventsPerDay);
        for (var i = 0; i < count && second < elapsed; i++)
        {
            foreach (var row in Emit(org, mix, user.Id, window.At(day, second, random.Next(1000))))
                yield return row;
            second += random.Next(20, 720);
        }
    }

    private IEnumerable<RawProductEvent> Automations(DemoOrg? org, string distinctId, EventMix mix, double perDay, int day)
    {
        var elapsed = window.ElapsedSeconds(day);
        for (var n = random.Geometric(perDay); n > 0; n--)
        {
            var second = random.Next(86_400);
            if (second >= elapsed) continue;
            foreach (var row in Emit(org, mix, distinctId, window.At(day, second, random.Next(1000))))
                yield return row;
        }
    }

    /// <summary>Someone reads a customer's public help-centre article: an anonymous PostHog id, in no org.</summary>
    private IEnumerable<RawProductEvent> PublicReader(DemoOrg org, int day)
    {
        var second = random.Next(86_400);
        if (second >= window.ElapsedSeconds(day)) yield break;
        var at = window.At(day, second, random.Next(1000));
        var reader = random.Uuid7(at);
        for (var n = random.Count(ViewsPerPublicReader); n > 0; n--, at = at.AddSeconds(random.Next(30, 300)))
            if (at <= window.Now)
                foreach (var row in Emit(org, PublicReaderMix, reader, at))
                    yield return row;
    }

    /// <summary>One event as Airbyte lands it: usually one clean row, sometimes with one of Airbyte's quirks.</summary>
    private IEnumerable<RawProductEvent> Emit(DemoOrg? org, EventMix mix, string distinctId, DateTimeOffset at)
    {
        var name = mix.Pick(random);
        var row = new RawProductEvent
        {
            Uuid = random.Uuid7(at),
            Event = name,
            DistinctId = distinctId,
            Timestamp = org is { SendsLocalTimestamps: true } ? at.ToOffset(org.UtcOffset) : at,
            Properties = AiEventNames.Contains(name) ? DemoCatalog.AiProperties
                : distinctId.StartsWith("org-", StringComparison.Ordinal) ? DemoCatalog.SystemProperties
                : random.Pick(DemoCatalog.WebProperties),
            TeamId = TeamId,
        };

        // A phone offline or a batch import: the event lands days after it happened.
        var extractedAt = at < _lateCutoff && random.Chance(LateRate)
            ? airbyte.SyncAfter(at.AddHours(random.Next(48, 144)))
            : airbyte.SyncAfter(at);

        string? changes = null;
        if (random.Chance(ChangedRate))
        {
            if (random.Chance(0.7))
            {
                row.Properties = row.Properties[..(row.Properties.Length / 2)];
                changes = DemoAirbyte.Truncated("properties");
            }
            else
            {
                row.TeamId = null;
                changes = DemoAirbyte.Nulled("team_id");
            }
        }

        if (--_untilBroken == 0)
        {
            _untilBroken = random.Next(BrokenRowEvery / 2, BrokenRowEvery * 3 / 2);
            switch (_brokenRows++ % 3)
            {
                case 0: row.Event = null; break;
                case 1: row.DistinctId = null; break;
                default: row.Timestamp = null; break;
            }
        }
        yield return airbyte.Stamp(row, extractedAt, changes);

        // At-least-once delivery: a later sync sends the same uuid again; sometimes the event was renamed meanwhile.
        if (random.Chance(DuplicateRate))
        {
            var again = airbyte.SyncAfter(DateTimeOffset.FromUnixTimeMilliseconds(extractedAt).AddHours(random.Next(1, 72)));
            if (again <= extractedAt) yield break;
            var copy = new RawProductEvent
            {
                Uuid = row.Uuid, Event = random.Chance(RenamedDuplicateShare) ? mix.Pick(random) : row.Event,
                DistinctId = row.DistinctId, Timestamp = row.Timestamp, Properties = row.Properties, TeamId = row.TeamId,
            };
            yield return airbyte.Stamp(copy, again, changes);
        }
    }

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}

/// <summary>Event names with weights, drawn by cumulative weight.</summary>
internal sealed class EventMix
{
    private static readonly Dictionary<(AiAdoption Adoption, bool UsesAi), EventMix> UserMixes =
        (from adoption in Enum.GetValues<AiAdoption>() from usesAi in new[] { false, true } select (adoption, usesAi))
        .ToDictionary(k => k, k => UserMix(k.adoption, k.usesAi));

    private readonly string[] _names;
    private readonly double[] _cumulative;

    private EventMix(IEnumerable<(string Name, double Weight)> events)
    {
        var list = events.Where(e => e.Weight > 0).ToList();
        _names = [.. list.Select(e => e.Name)];
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++) _cumulative[i] = total += list[i].Weight;
    }

    public static EventMix Uniform(IEnumerable<string> names) => new(names.Select(n => (n, 1.0)));

    public static EventMix For(AiAdoption adoption, bool usesAi) => UserMixes[(adoption, usesAi)];

    /// <summary>
    /// What a user does: issues, the inbox, the knowledge base and settings in fixed proportions, plus AI in
    /// proportion to the org's adoption, for users who adopted it.
    /// </summary>
    private static EventMix UserMix(AiAdoption adoption, bool usesAi)
    {
        var aiWeight = !usesAi ? 0 : adoption switch { AiAdoption.Light => 5, AiAdoption.Moderate => 20, AiAdoption.Heavy => 55, _ => 0 };
        return new EventMix(
        [
            .. Share(DemoCatalog.IssueEvents, DemoCatalog.IssueWeight),
            .. Share(DemoCatalog.FrontendEvents, DemoCatalog.FrontendWeight),
            .. Share(DemoCatalog.KnowledgeBaseEvents, DemoCatalog.KnowledgeBaseWeight),
            .. Share(DemoCatalog.OtherEvents, DemoCatalog.OtherWeight),
            .. Share(DemoCatalog.AiEvents, aiWeight),
        ]);
    }

    public string Pick(DemoRandom random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _names[Math.Min(i < 0 ? ~i : i + 1, _names.Length - 1)];
    }

    private static IEnumerable<(string, double)> Share((string Name, int Weight)[] events, int categoryWeight)
    {
        var total = events.Sum(e => e.Weight);
        return events.Select(e => (e.Name, (double)categoryWeight * e.Weight / total));
    }
}
