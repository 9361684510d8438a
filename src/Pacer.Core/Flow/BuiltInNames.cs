namespace Pacer.Core.Flow;

/// <summary>The <c>{{$name}}</c> built-ins the template renderer provides, and how many arguments each takes.</summary>
public static class BuiltInNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "timestamp", "timestampMs", "unixMs", "uuid", "randomInt", "randomString", "randomEmail", "isoDate", "env",
    ];

    /// <summary>Built-ins that accept an argument list: <c>$randomInt(a,b)</c>, <c>$randomString(n)</c>.</summary>
    public static IReadOnlyList<string> WithArguments { get; } = ["randomInt", "randomString"];
}
