using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>
/// Probe runs time answers (ReDoS, time-based injection, login timing): the classes that run them share one collection,
/// so two probe runs never compete for the CPU.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class ProbeTiming
{
    public const string Collection = "probe timing";
}
