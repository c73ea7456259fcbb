using LinqToDB.Async;

namespace PylonPortal.Analytics.Quality;

public static class Severity
{
    /// <summary>Fails the build: it rolls back and the portal keeps the last good marts.</summary>
    public const string Error = "error";

    /// <summary>Recorded, never changes an exit code.</summary>
    public const string Warning = "warning";
}

/// <summary>One check's outcome: how many rows fail it, and one of them as an example.</summary>
public sealed record CheckOutcome(long FailingRows, string? Example)
{
    public static readonly CheckOutcome Pass = new(0, null);
}

/// <summary>A data-quality check (DESIGN section 6): a name, the model it guards, and how to find failing rows.</summary>
public sealed record DataQualityCheck(
    string Name, string Model, string Severity, string Description,
    Func<CheckScope, DateOnly, Task<CheckOutcome>> RunAsync)
{
    /// <summary>A check whose failing rows a query returns: it fails when the query returns any.</summary>
    public static DataQualityCheck Rows<T>(string name, string model, string severity, string description,
        Func<CheckScope, IQueryable<T>> failingRows) =>
        new(name, model, severity, description, async (scope, _) =>
        {
            var rows = failingRows(scope);
            var count = await rows.LongCountAsync();
            return count == 0 ? CheckOutcome.Pass : new CheckOutcome(count, (await rows.FirstOrDefaultAsync())?.ToString());
        });
}
