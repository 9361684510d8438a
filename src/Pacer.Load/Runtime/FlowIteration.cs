using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Http;
using Pacer.Core.Templating;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// One flow as a load iteration: a VU runs the steps in order, rendering each request with the
/// same templating as <c>pacer run</c>, sending it through the engine (plain http) or HttpClient,
/// judging it (<see cref="StepVerdict"/>) and recording latency, failures, bytes and SLA misses.
/// A failed step ends the iteration, since later steps usually need what it should have captured.
/// Latency: under the open model the first request counts from the iteration's scheduled start
/// (no coordinated omission); every other request from its own send. Think time is not latency.
/// </summary>
internal sealed class FlowIteration
{
    private readonly IReadOnlyList<LoadStep> _steps;
    private readonly LoadRunShared _shared;
    private readonly string? _baseUrl;
    private readonly bool _openModel;
    private readonly VirtualUsers _vus;

    public FlowIteration(IReadOnlyList<LoadStep> steps, LoadRunShared shared, string? baseUrl, bool openModel, VirtualUsers vus)
    {
        _steps = steps;
        _shared = shared;
        _baseUrl = baseUrl;
        _openModel = openModel;
        _vus = vus;
    }

    // Pooled state machines: a VU runs one iteration after another, so the box is reused, not allocated.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunAsync(IterationContext context, CancellationToken stop)
    {
        var vu = _vus.For(context.VuId);
        var time = _shared.Time;
        VariableScope? scope = null;
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            if (i > 0)
            {
                stop.ThrowIfCancellationRequested();
            }

            var request = step.LiteralRequest;
            if (request is null || step.NeedsResponse)
            {
                scope ??= vu.NewScope();
            }

            if (request is null)
            {
                var built = RequestBuilder.Build(step.Node, _baseUrl, scope!, _shared.BuiltIns);
                request = built.Request ?? throw new StepRenderException($"step '{step.Name}': {built.Error}");
            }

            for (var attempt = 0; ; attempt++)
            {
                var start = _openModel && i == 0 && attempt == 0 ? context.ScheduledStart : time.GetTimestamp();
                SendOutcome outcome;
                if (step.LiteralEngineRequest is { } literal && step.Timeout is null && !vu.UsesClient)
                {
                    // The common load step, awaited straight on the connection: no sender state machine in between.
                    _shared.Transport.Engine();
                    var connection = vu.Engine.ConnectionFor(literal);
                    var result = await connection.SendAsync(literal.Prepared, default, _shared.RequestsToken).ConfigureAwait(false);
                    outcome = vu.Engine.Outcome(result, connection, literal, step);
                }
                else
                {
                    outcome = await SendAsync(vu, step, request).ConfigureAwait(false);
                }

                var end = time.GetTimestamp();
                if (outcome.Cancelled)
                {
                    throw new OperationCanceledException(stop);
                }

                if (outcome.SetCookies is { } cookies)
                {
                    vu.AdoptCookies(new Uri(request.Url), cookies);
                    _shared.Transport.Client("the server sets cookies, which only HttpClient keeps: each VU moves to HttpClient after its first cookie");
                }

                var latency = time.GetElapsedTime(start, end).Ticks * 100;
                var (failure, message) = StepVerdict.Judge(outcome, step, scope ?? EmptyScope, _shared.BuiltIns);
                if (failure is not null && attempt < step.Node.Options.Retry)
                {
                    // @retry, as in pacer run: a failed attempt is sent again after the wait. It counts
                    // as a request and a retry; only the last attempt's failure counts as a failure.
                    Record(step, latency, end, null, null, outcome);
                    step.Recorder.RecordRetry();
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, step.Node.Options.RetryWaitMs)), time, stop).ConfigureAwait(false);
                    continue;
                }

                if (failure is null && step.SoftAssertions.Length > 0 && outcome.Response is { } response &&
                    StepVerdict.CountWarnings(response, step, scope ?? EmptyScope, _shared.BuiltIns) is var warnings and > 0)
                {
                    step.Recorder.RecordWarnings(warnings);
                }

                Record(step, latency, end, failure, message, outcome);
                if (failure is not null)
                {
                    return;
                }
                break;
            }

            if (step.Think is { } think && think.Next(vu.Random) is var pause && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, stop).ConfigureAwait(false);
            }
        }
    }

    private static readonly VariableScope EmptyScope = new();

    private ValueTask<SendOutcome> SendAsync(VirtualUser vu, LoadStep step, RequestSummary request)
    {
        var engineRequest = vu.UsesClient ? null : step.LiteralEngineRequest ?? (step.LiteralRequest is null ? EngineRequest.TryCreate(request) : null);
        if (engineRequest is not null)
        {
            _shared.Transport.Engine();
            return vu.Engine.SendAsync(engineRequest, step, _shared.RequestsToken);
        }

        _shared.Transport.Client(TransportChoice.WhyNotEngine(request.Url) ?? "the engine cannot send this request");
        return vu.Client.SendAsync(request, step, _shared.RequestsToken);
    }

    private void Record(LoadStep step, long latency, long end, FailureKind? failure, string? message, in SendOutcome outcome)
    {
        step.Recorder.RecordNanoseconds(latency, failure);
        step.Recorder.RecordBytes(outcome.BytesIn, outcome.BytesOut);
        _shared.Series.RecordNanoseconds(latency, failure is not null, end);
        if (step.SlaBudgetNanoseconds is { } budget && latency >= budget)
        {
            step.Recorder.RecordSlaViolation();
        }

        if (step.SoftBudgetNanoseconds is { } softBudget && latency >= softBudget)
        {
            step.Recorder.RecordWarnings(1);
        }

        if (failure is { } kind && step.Recorder.WantsSample(kind))
        {
            var body = outcome.Response?.BodyText;
            step.Recorder.OfferSample(kind, new FailureSample
            {
                Kind = FailureKindNames.Of(kind),
                Status = outcome.Status > 0 ? outcome.Status : null,
                Message = message ?? "",
                Body = string.IsNullOrEmpty(body) ? null : body[..Math.Min(body.Length, 2048)],
            });
        }
    }
}

/// <summary>A step whose request could not be rendered (an undefined variable, no base URL): the iteration fails, the run goes on.</summary>
public sealed class StepRenderException(string message) : Exception(message);

/// <summary>What every iteration of a run shares: the clock, the recorders, the request cancellation and the transport record.</summary>
internal sealed record LoadRunShared(
    TimeProvider Time,
    LoadMetrics Metrics,
    TimeSeries Series,
    BuiltInVariables BuiltIns,
    TransportUsage Transport,
    CancellationToken RequestsToken);

/// <summary>Helpers to build the variable layers of a VU.</summary>
internal static class VariableLayers
{
    public static IReadOnlyDictionary<string, JsonNode?> Merge(params IReadOnlyDictionary<string, JsonNode?>?[] layers)
    {
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (name, value) in layer ?? new Dictionary<string, JsonNode?>())
            {
                merged[name] = value;
            }
        }

        return merged;
    }
}
