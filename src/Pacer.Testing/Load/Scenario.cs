namespace Pacer.Testing.Load;

/// <summary>
/// Code to put under load, as an alternative to a flow file: <c>Scenario.Create("browse", async ctx => { … })</c>.
/// One call of the delegate is one iteration; <see cref="ScenarioContext.Http"/> is recorded, <see cref="ScenarioContext.Assert"/> counts failures.
/// </summary>
public sealed class Scenario
{
    private Scenario(string name, Func<ScenarioContext, Task> iteration)
    {
        Name = name;
        Iteration = iteration;
    }

    /// <summary>The step name every request of the scenario is recorded under (what <c>step[Name]</c> thresholds address).</summary>
    public string Name { get; }

    internal Func<ScenarioContext, Task> Iteration { get; }

    /// <summary>The base address of <see cref="ScenarioContext.Http"/>; null means every request names an absolute URL.</summary>
    public Uri? BaseAddress { get; init; }

    public static Scenario Create(string name, Func<ScenarioContext, Task> iteration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(iteration);
        return new Scenario(name, iteration);
    }

    /// <summary>The same scenario sending relative URLs to <paramref name="baseAddress"/>.</summary>
    public Scenario WithBaseAddress(string baseAddress) => new(Name, Iteration) { BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/") };
}
