using Pacer.Core.Execution;

namespace Pacer.Core.Http;

/// <summary>
/// How a functional run (<c>pacer run</c>, <c>monitor</c>, Pacer.Testing, <c>@once</c> setup) sends one
/// rendered request and reads its response, within <paramref name="timeout"/>. Implementations read
/// responses by the engine's rules (strict framing, a bound on the body) and never throw for what the
/// server does: every failure is an <see cref="ExchangeOutcome"/>. One instance serves one flow run,
/// so cookies and connections are that run's own.
/// </summary>
public interface IRequestTransport : IDisposable
{
    ValueTask<ExchangeOutcome> SendAsync(RequestSummary request, TimeSpan timeout, CancellationToken cancellationToken);
}
