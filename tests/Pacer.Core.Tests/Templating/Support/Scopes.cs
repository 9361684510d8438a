using System.Text.Json.Nodes;
using Pacer.Core.Templating;

namespace Pacer.Core.Tests.Templating.Support;

/// <summary>Variable scopes and built-ins for tests: a fixed clock, a seeded random, a fake environment.</summary>
public static class Scopes
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero);

    /// <summary>Variables given as JSON text: <c>("id", "5")</c> is the number 5, <c>("name", "\"x\"")</c> the string x.</summary>
    public static VariableScope With(params (string Name, string Json)[] variables)
    {
        var scope = new VariableScope();
        foreach (var (name, json) in variables)
        {
            scope.SetCaptured(name, JsonNode.Parse(json));
        }

        return scope;
    }

    /// <summary>Variables as command-line <c>--var</c> delivers them: always strings.</summary>
    public static VariableScope WithStrings(params (string Name, string Text)[] variables) =>
        new(overrides: variables.ToDictionary(v => v.Name, v => (JsonNode?)JsonValue.Create(v.Text)));

    public static BuiltInVariables BuiltIns(int seed = 42, IReadOnlyDictionary<string, string>? environment = null) =>
        new(new FixedTimeProvider(Now), new Random(seed), name => environment is not null && environment.TryGetValue(name, out var v) ? v : null);
}
