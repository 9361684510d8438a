using System.Text.Json.Nodes;

namespace Pacer.Cli.Input;

/// <summary><c>--var name=value</c>: values are strings; a later <c>--var</c> for the same name wins.</summary>
public static class VariableArguments
{
    public static Dictionary<string, JsonNode?>? Parse(IEnumerable<string> values, out string? error)
    {
        error = null;
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"--var expects name=value, got '{value}'";
                return null;
            }

            variables[value[..equals].Trim()] = JsonValue.Create(value[(equals + 1)..]);
        }

        return variables;
    }
}
