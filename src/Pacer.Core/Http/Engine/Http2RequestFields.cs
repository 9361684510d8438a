using System.Text;
using Pacer.Core.Http.Engine.Http2.Hpack;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// A prepared request's header block for HTTP/2, in three pieces so the connection can put
/// <c>:scheme</c> and a per-request <c>:path</c> between them: <c>:method</c>; the default
/// <c>:path</c>; <c>:authority</c> and the regular fields (names lower-cased, the fields HTTP/2
/// forbids left out). Encoded statelessly, so the bytes are valid on any connection.
/// </summary>
internal sealed class Http2RequestFields(byte[] method, byte[] path, byte[] rest)
{
    // Connection-specific fields have no meaning in HTTP/2 (RFC 9113 section 8.2.2); Host becomes :authority.
    private static readonly string[] Forbidden = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "content-length"];

    public byte[] Method { get; } = method;

    public byte[] Path { get; } = path;

    public byte[] Rest { get; } = rest;

    public static Http2RequestFields Create(string method, string authority, string target, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var rest = new List<byte>();
        Append(rest, ":authority", authority);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (Forbidden.Contains(lower) || (lower == "te" && !value.Equals("trailers", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            Append(rest, lower, value);
        }

        return new Http2RequestFields(Field(":method", method), Field(":path", target), [.. rest]);
    }

    private static void Append(List<byte> block, string name, string value) => block.AddRange(Field(name, value));

    private static byte[] Field(string name, string value)
    {
        var nameBytes = Encoding.Latin1.GetBytes(name);
        var valueBytes = Encoding.Latin1.GetBytes(value);
        var buffer = new byte[HpackEncoder.MaxStatelessLength(nameBytes.Length, valueBytes.Length)];
        return buffer[..HpackEncoder.WriteStateless(buffer, nameBytes, valueBytes)];
    }
}
