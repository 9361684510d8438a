using System.Text.Json.Nodes;

namespace Pacer.Core.Templating;

/// <summary>
/// The variables one flow run sees, highest priority first: command-line <c>--var</c>,
/// values captured earlier in this flow, the environment's variables, the flow's defaults.
/// A stored null is JSON null; a name that is absent is undefined.
/// </summary>
public sealed class VariableScope
{
    private readonly IReadOnlyDictionary<string, JsonNode?> overrides;
    private readonly Dictionary<string, JsonNode?> captured = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, JsonNode?> environment;
    private readonly IReadOnlyDictionary<string, JsonNode?> defaults;

    public VariableScope(
        IReadOnlyDictionary<string, JsonNode?>? overrides = null,
        IReadOnlyDictionary<string, JsonNode?>? environment = null,
        IReadOnlyDictionary<string, JsonNode?>? defaults = null)
    {
        this.overrides = overrides ?? new Dictionary<string, JsonNode?>();
        this.environment = environment ?? new Dictionary<string, JsonNode?>();
        this.defaults = defaults ?? new Dictionary<string, JsonNode?>();
    }

    public IReadOnlyDictionary<string, JsonNode?> Captured => captured;

    public void SetCaptured(string name, JsonNode? value) => captured[name] = value?.DeepClone();

    public bool TryGet(string name, out JsonNode? value) =>
        overrides.TryGetValue(name, out value)
        || captured.TryGetValue(name, out value)
        || environment.TryGetValue(name, out value)
        || defaults.TryGetValue(name, out value);

    public bool IsDefined(string name) => TryGet(name, out _);

    /// <summary>Like <see cref="TryGet(string, out JsonNode?)"/>, and says which layer the value came from.</summary>
    public bool TryGet(string name, out JsonNode? value, out VariableSource source)
    {
        (source, var found) =
            overrides.TryGetValue(name, out value) ? (VariableSource.Override, true)
            : captured.TryGetValue(name, out value) ? (VariableSource.Captured, true)
            : environment.TryGetValue(name, out value) ? (VariableSource.Environment, true)
            : defaults.TryGetValue(name, out value) ? (VariableSource.Default, true)
            : (VariableSource.Default, false);
        return found;
    }
}
