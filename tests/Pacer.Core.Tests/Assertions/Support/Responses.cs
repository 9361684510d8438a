using Pacer.Core.Http;

namespace Pacer.Core.Tests.Assertions.Support;

/// <summary>Response snapshots for tests.</summary>
public static class Responses
{
    public static ResponseSnapshot Json(string body, int status = 200, double durationMs = 120, params (string Name, string Value)[] headers) =>
        new(
            status,
            [new("Content-Type", "application/json"), .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
            body,
            TimeSpan.FromMilliseconds(durationMs));

    public static ResponseSnapshot Text(string body, int status = 200) =>
        new(status, [new("Content-Type", "text/plain")], body, TimeSpan.FromMilliseconds(5));
}
