using PylonPortal.Analytics.Scoring;

namespace PylonPortal.Analytics.Tests.Scoring;

public class ScoringOptionsTests
{
    [Fact]
    public void The_contract_defaults_are_valid() => Assert.Empty(new ScoringOptions().Validate());

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_named()
    {
        var options = new ScoringOptions();
        options.Health.SupportWeight = 0.30m;
        var error = Assert.Single(options.Validate());
        Assert.Contains("Scoring:Health weights must sum to 1", error);
        Assert.Contains("SupportWeight 0.30", error);
    }

    [Fact]
    public void Thresholds_out_of_range_are_named()
    {
        var options = new ScoringOptions();
        options.AiAdoption.HighAiThreshold = 150m;
        options.Readiness.FullTenureDays = 0;
        var errors = options.Validate();
        Assert.Contains(errors, e => e.StartsWith("Scoring:AiAdoption:HighAiThreshold", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scoring:Readiness:FullTenureDays", StringComparison.Ordinal));
    }
}
