using System.Net.Sockets;
using Pacer.Core.Judge;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Testing.Load;

/// <summary>
/// Sits under a VU's HttpClient and records each request into the scenario's step once its fate is
/// known: when the next request starts or the iteration ends, so an <see cref="ScenarioContext.Assert"/>
/// made in between can still mark it failed. Latency runs to the response headers.
/// </summary>
internal sealed class RecordingHandler(StepRecorder step, TimeProvider time) : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    private long _pendingLatency = -1;
    private FailureKind? _pendingFailure;
    private string? _pendingMessage;
    private int _pendingStatus;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Flush();
        var start = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Pend(start, status >= 500 ? FailureKind.ServerError5xx : status >= 400 ? FailureKind.ClientError4xx : null, $"HTTP {status}", status);
            return response;
        }
        catch (HttpRequestException exception)
        {
            var refused = exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
            Pend(start, refused ? FailureKind.ConnectionRefused : FailureKind.ConnectionReset, exception.Message, 0);
            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Pend(start, FailureKind.Timeout, "timed out", 0);
            throw;
        }
    }

    public void FailLast(FailureKind kind, string message)
    {
        if (_pendingLatency >= 0 && _pendingFailure is null)
        {
            (_pendingFailure, _pendingMessage) = (kind, message);
        }
    }

    /// <summary>Records the pending request, if any.</summary>
    public void Flush()
    {
        if (_pendingLatency < 0)
        {
            return;
        }

        step.RecordNanoseconds(_pendingLatency, _pendingFailure);
        if (_pendingFailure is { } kind && step.WantsSample(kind))
        {
            step.OfferSample(kind, new FailureSample
            {
                Kind = FailureKindNames.Of(kind),
                Status = _pendingStatus > 0 ? _pendingStatus : null,
                Message = _pendingMessage ?? "",
            });
        }

        _pendingLatency = -1;
        _pendingFailure = null;
    }

    private void Pend(long start, FailureKind? failure, string message, int status)
    {
        _pendingLatency = time.GetElapsedTime(start).Ticks * 100;
        (_pendingFailure, _pendingMessage, _pendingStatus) = (failure, failure is null ? null : message, status);
    }
}
