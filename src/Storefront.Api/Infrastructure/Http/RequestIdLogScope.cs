using System.Collections;

namespace Storefront.Api.Infrastructure.Http;

/// <summary>
/// The logging scope carrying the request id: structured ({"XRequestId": "..."} in JSON logs) and
/// readable ("X-Request-ID:..." in console logs). Named apart from ASP.NET Core's own RequestId,
/// which is the connection-based trace identifier.
/// </summary>
public sealed class RequestIdLogScope(string requestId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public const string PropertyName = "XRequestId";

    public int Count => 1;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new(PropertyName, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{RequestIdMiddleware.HeaderName}:{requestId}";
}
