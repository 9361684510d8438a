using System.Net;
using Pacer.Core.Execution;
using Pacer.Core.Http;

namespace Pacer.Load.Runtime;

/// <summary>
/// One VU's HttpClient, for what the engine does not reach (https until the engine speaks TLS). It
/// shares the VU's cookie jar with the engine path and reads bodies with the same bound.
/// </summary>
internal sealed class ClientSender(bool insecure, TimeSpan timeout, long maxBodyBytes, CookieContainer cookies) : IDisposable
{
    private HttpClientTransport? _transport;

    public ValueTask<ExchangeOutcome> SendAsync(RequestSummary request, LoadStep step, CancellationToken cancellationToken)
    {
        _transport ??= new HttpClientTransport(FlowHttpClientFactory.Create(followRedirects: false, insecure, cookies), ownsClient: true, maxBodyBytes);
        return _transport.SendAsync(request, new RequestOptions(step.Timeout ?? timeout), cancellationToken);
    }

    public void Dispose() => _transport?.Dispose();
}
