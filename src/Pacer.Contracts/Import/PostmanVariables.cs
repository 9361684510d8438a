using System.Text.RegularExpressions;

namespace Pacer.Contracts.Import;

/// <summary>
/// Postman's <c>{{name}}</c> placeholders in Pacer's spelling: names made valid, dynamic variables mapped
/// to Pacer's built-ins (<c>{{$guid}}</c> → <c>{{$uuid}}</c>), and every name used remembered so the
/// flow can define what the collection did not.
/// </summary>
public sealed partial class PostmanVariables
{
    private static readonly Dictionary<string, string> BuiltIns = new(StringComparer.Ordinal)
    {
        ["$guid"] = "$uuid",
        ["$randomUUID"] = "$uuid",
        ["$timestamp"] = "$timestamp",
        ["$isoTimestamp"] = "$isoDate",
        ["$randomInt"] = "$randomInt",
        ["$randomEmail"] = "$randomEmail",
        ["$randomAlphaNumeric"] = "$randomString(1)",
        ["$randomWord"] = "$randomString(8)",
    };

    public SortedSet<string> Used { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> UnknownDynamic { get; } = new(StringComparer.Ordinal);

    public string Rewrite(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value.Trim();
            if (name.StartsWith('$'))
            {
                if (BuiltIns.TryGetValue(name, out var builtIn))
                {
                    return "{{" + builtIn + "}}";
                }

                UnknownDynamic.Add(name);
                return "pacer-" + name[1..];
            }

            var pacerName = FlowText.VariableName(name);
            Used.Add(pacerName);
            return "{{" + pacerName + "}}";
        });
    }

    [GeneratedRegex(@"\{\{(?<name>[^{}\r\n]+)\}\}")]
    private static partial Regex Placeholder();
}
