using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>How assertion operators are spelled, including kest's older spellings.</summary>
internal static class AssertionOperators
{
    public static IReadOnlyList<string> Words { get; } =
        ["exists", "not exists", "contains", "not contains", "matches", "startsWith", "endsWith", "in", "isType", "is"];

    public static IReadOnlyList<string> TypeNames { get; } = ["string", "number", "boolean", "array", "object", "null"];

    /// <summary>Symbols; a single <c>=</c> means <c>==</c> as in old kest files.</summary>
    public static AssertOperator? FromSymbol(string symbol) => symbol switch
    {
        "==" or "=" => AssertOperator.Equal,
        "!=" => AssertOperator.NotEqual,
        "<" => AssertOperator.Less,
        "<=" => AssertOperator.LessOrEqual,
        ">" => AssertOperator.Greater,
        ">=" => AssertOperator.GreaterOrEqual,
        _ => null,
    };

    /// <summary>What a mistyped symbol most likely meant (<c>===</c> → <c>==</c>).</summary>
    public static string? SuggestSymbol(string symbol) => symbol switch
    {
        "===" => "==",
        "!==" => "!=",
        "<>" => "!=",
        "=<" => "<=",
        "=>" => ">=",
        "=!" => "!=",
        _ => null,
    };

    public static AssertOperator? FromWord(string word) => word.ToLowerInvariant() switch
    {
        "exists" => AssertOperator.Exists,
        "contains" => AssertOperator.Contains,
        "matches" => AssertOperator.Matches,
        "startswith" => AssertOperator.StartsWith,
        "endswith" => AssertOperator.EndsWith,
        "in" => AssertOperator.In,
        "istype" or "is" => AssertOperator.IsType,
        _ => null,
    };
}
