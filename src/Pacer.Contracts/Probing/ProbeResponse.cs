namespace Pacer.Contracts.Probing;

/// <summary>What came back for one probe request; <see cref="Body"/> is cut at a size limit and empty for event streams.</summary>
public sealed record ProbeResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static ProbeResponse Failed(string reason) => new(0, new Dictionary<string, string>(), reason);

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsClientError => Status is >= 400 and < 500;

    public bool IsServerError => Status >= 500;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string ContentType => Header("Content-Type") ?? "";

    /// <summary>For messages: <c>500 (text/html)</c>, or the failure reason when nothing came.</summary>
    public string Describe() => Status == 0 ? $"no response ({Body})" : $"{Status}{(ContentType.Length > 0 ? $" ({ContentType.Split(';')[0]})" : "")}";
}
