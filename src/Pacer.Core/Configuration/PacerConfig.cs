namespace Pacer.Core.Configuration;

/// <summary>A parsed <c>.pacer/config.yaml</c> (or kest's <c>.kest/config.yaml</c>).</summary>
public sealed record PacerConfig(string? Path, IReadOnlyList<PacerEnvironment> Environments, string? ActiveEnv)
{
    public static PacerConfig Empty { get; } = new(null, [], null);

    public PacerEnvironment? Find(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal))
        ?? Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
