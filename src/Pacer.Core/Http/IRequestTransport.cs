using Pacer.Core.Execution;

namespace Pacer.Core.Http;

/// <summary>
/// How a functional run (<c>pacer run</c>, <c>monitor</c>, Pacer.Testing, <c>@once</c> setup) sends one
/// rendered request and reads its response, as <see cref="RequestOptions"/> say. Implementations read
/// responses by the engine's rules (strict framing, a bound on the body) and never throw for what the
/// server does: every failure is an <see cref="ExchangeOutcome"/>. One instance serves one flow run,
/// so cookies and connections are that run's own.
/// </summary>
public interface IRequestTransport : IDisposable
{
    ValueTask<ExchangeOutcome> SendAsync(RequestSummary request, RequestOptions sending, CancellationToken cancellationToken);
}

/// <summary>How one request is sent: its timeout (the step's <c>@timeout</c> or the run's), and over HTTP/2 (<c>@http2</c>, <c>--http2</c>).</summary>
public readonly record struct RequestOptions(TimeSpan Timeout, bool Http2 = false);
