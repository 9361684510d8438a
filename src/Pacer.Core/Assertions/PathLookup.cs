using System.Text.Json.Nodes;

namespace Pacer.Core.Assertions;

/// <summary>
/// The result of reading a path from a response. <see cref="Found"/> with a null <see cref="Value"/>
/// is JSON null; not found means the path leads nowhere, and <see cref="MissingReason"/> says where it stopped.
/// </summary>
public sealed record PathLookup(bool Found, JsonNode? Value, string? MissingReason = null)
{
    public static PathLookup Of(JsonNode? value) => new(true, value);

    public static PathLookup Missing(string reason) => new(false, null, reason);
}
