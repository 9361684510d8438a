namespace Storefront.Api.Features.Experiments;

/// <summary><c>Storefront:Experiments</c>: the running experiments, by name.</summary>
public sealed class ExperimentsOptions
{
    public const string Section = "Storefront:Experiments";

    /// <summary>
    /// <c>catalog-sort</c> is the one experiment Storefront runs by default: the product list's default order, name
    /// (control) or newest first (treatment), for 50 % of users. Its percentage is also its canary switch.
    /// </summary>
    public Dictionary<string, ExperimentDefinition> Running { get; set; } = new(StringComparer.Ordinal)
    {
        [Experiment.CatalogSort] = new() { TreatmentPercent = 50 },
    };
}

/// <summary>One experiment: users are split into control and treatment; <see cref="TreatmentPercent"/> of them get the new behaviour.</summary>
public sealed class ExperimentDefinition
{
    public double TreatmentPercent { get; set; }
}
