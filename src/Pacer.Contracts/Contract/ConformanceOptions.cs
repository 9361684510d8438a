namespace Pacer.Contracts.Contract;

/// <summary>How a conformance sweep generates and judges: its seed, how many cases per operation, which checks, as whom.</summary>
public sealed record ConformanceOptions
{
    /// <summary>Drives every choice among generated cases: the same seed and document give the same cases.</summary>
    public int Seed { get; init; }

    /// <summary>The most requests per operation (the full request included).</summary>
    public int MaxCasesPerOperation { get; init; } = 50;

    /// <summary>The checks to judge with (<see cref="Conformance.ConformanceCheckCatalog"/>).</summary>
    public IReadOnlyList<Conformance.IConformanceCheck> Checks { get; init; } = Conformance.ConformanceCheckCatalog.Create();

    /// <summary>The bearer token secured operations are called with; null skips them (and says so).</summary>
    public string? Token { get; init; }

    /// <summary>Where each operation is announced as it starts; null: silent.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Also write every request and its status to <see cref="Progress"/>.</summary>
    public bool LogRequests { get; init; }
}
