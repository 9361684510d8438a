using System.Text.Json;
using Pacer.Load.Results;

namespace Pacer.Distributed.Protocol;

/// <summary>The protocol's version and JSON form: the result file's options (snake_case), on one line per message.</summary>
public static class ProtocolJson
{
    /// <summary>Bumped when a message changes meaning; a coordinator refuses agents of another version.</summary>
    public const int Version = 1;

    public static JsonSerializerOptions Options { get; } = new(LoadResultJson.Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
