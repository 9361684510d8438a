namespace Pacer.Contracts.Probing;

/// <summary>
/// What came back for one probe request: <see cref="Body"/> is cut at a size limit and empty for event streams;
/// <see cref="Elapsed"/> runs from sending to the last byte read, which timing checks compare.
/// </summary>
public sealed record ProbeResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan Elapsed = default)
{
    public static ProbeResponse Failed(string reason, TimeSpan elapsed = default) => new(0, new Dictionary<string, string>(), reason, elapsed);

    /// <summary>A request the client refused to send (a header value HTTP cannot carry): no answer, and no failure of the server's.</summary>
    public static ProbeResponse NotSent(string reason) => new(-1, new Dictionary<string, string>(), reason);

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsClientError => Status is >= 400 and < 500;

    public bool IsServerError => Status >= 500;

    /// <summary>401 or 403: the request was refused for who sent it.</summary>
    public bool IsAuthRefusal => Status is 401 or 403;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string ContentType => Header("Content-Type") ?? "";

    /// <summary>For messages: <c>500 (text/html)</c>, or the failure reason when nothing came.</summary>
    public string Describe() => Status <= 0 ? $"no response ({Body})" : $"{Status}{(ContentType.Length > 0 ? $" ({ContentType.Split(';')[0]})" : "")}";
}
