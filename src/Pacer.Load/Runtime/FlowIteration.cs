using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Judge;
using Pacer.Core.Templating;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// One flow as a load iteration: a VU runs the steps in order, rendering each request with the same
/// templating as <c>pacer run</c>, sending it through the engine (or HttpClient where the engine cannot
/// go), having <see cref="StepJudge"/> decide it, and recording latency, the check, failures, bytes and
/// SLA misses. After a failed step the iteration goes on as <c>pacer run</c> does
/// (<see cref="FlowSequence"/>): a step whose inputs were not captured is skipped and counted so.
/// Latency: under the open model the first request counts from the iteration's scheduled start (no
/// coordinated omission); every other request from its own send. Think time is not latency.
/// </summary>
internal sealed class FlowIteration
{
    private readonly LoadStep[] _steps;
    private readonly LoadRunShared _shared;
    private readonly string? _baseUrl;
    private readonly bool _openModel;
    private readonly VirtualUsers _vus;

    public FlowIteration(IReadOnlyList<LoadStep> steps, LoadRunShared shared, string? baseUrl, bool openModel, VirtualUsers vus)
    {
        _steps = [.. steps];
        _shared = shared;
        _baseUrl = baseUrl;
        _openModel = openModel;
        _vus = vus;
    }

    // Pooled state machines: a VU runs one iteration after another, so the box is reused, not allocated.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunAsync(Executors.IterationContext context, CancellationToken stop)
    {
        var vu = _vus.For(context.VuId);
        var time = _shared.Time;
        var sequence = vu.Sequence;
        sequence.Reset();
        VariableScope? scope = null;
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            if (i > 0)
            {
                stop.ThrowIfCancellationRequested();
            }

            if (sequence.SkipReason(step.Plan) is { } skipped)
            {
                Skip(step, sequence, skipped);
                continue;
            }

            var request = step.LiteralRequest;
            if (request is null || step.Plan.NeedsResponse)
            {
                scope ??= vu.NewScope();
            }

            if (request is null)
            {
                var built = RequestBuilder.Build(step.Plan.Node, _baseUrl, scope!, _shared.BuiltIns);
                if (built.Request is null)
                {
                    NotBuilt(step, sequence, built.Error!);
                    continue;
                }

                request = built.Request;
            }

            for (var attempt = 0; ; attempt++)
            {
                var start = _openModel && i == 0 && attempt == 0 ? context.ScheduledStart : time.GetTimestamp();
                ExchangeOutcome outcome;
                if (step.LiteralEngineRequest is { } literal && step.Timeout is null && !vu.HasCookies)
                {
                    // The common load step, awaited straight on the connection: no sender state machine in between.
                    _shared.Transport.Engine();
                    var connection = vu.Engine.ConnectionFor(literal, step.Plan.Node.Options.Http2);
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
                }

                var latency = time.GetElapsedTime(start, end).Ticks * 100;
                var verdict = Judge(step, outcome, latency, scope ?? EmptyScope, sequence);
                if (!verdict.Passed && attempt < step.Plan.Retry)
                {
                    // @retry, as in pacer run: a failed attempt is sent again after the wait. It counts
                    // as a request and a retry; only the last attempt's verdict is the step's.
                    Record(step, latency, end, null, null, outcome);
                    step.Recorder.RecordRetry();
                    await Task.Delay(step.Plan.RetryWait, time, stop).ConfigureAwait(false);
                    continue;
                }

                if (verdict.Warnings > 0)
                {
                    step.Recorder.RecordWarnings(verdict.Warnings);
                }

                Record(step, latency, end, verdict.Failure, verdict.Message, outcome);
                step.Recorder.RecordCheck(verdict.Passed);
                sequence.Completed(step.Plan, verdict.Passed);
                break;
            }

            if (step.Think is { } think && think.Next(vu.Random) is var pause && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, stop).ConfigureAwait(false);
            }
        }
    }

    private static readonly VariableScope EmptyScope = new();

    // Synchronous, so the VU's capture record can be handed to the judge as a span.
    private StepVerdict Judge(LoadStep step, in ExchangeOutcome outcome, long latency, VariableScope scope, FlowSequence sequence) =>
        StepJudge.Judge(step.Plan, outcome, latency, scope, _shared.BuiltIns, _shared.SoftBudgets, sequence.CapturesOf(step.Plan));

    private ValueTask<ExchangeOutcome> SendAsync(VirtualUser vu, LoadStep step, RequestSummary request)
    {
        var engineRequest = step.LiteralEngineRequest ?? (step.LiteralRequest is null ? EngineRequest.TryCreate(request) : null);
        if (engineRequest is not null)
        {
            _shared.Transport.Engine();
            var cookies = vu.HasCookies ? vu.CookieLine(new Uri(request.Url)) : default;
            return vu.Engine.SendAsync(engineRequest, step, cookies, _shared.RequestsToken);
        }

        _shared.Transport.Client(TransportChoice.WhyNotEngine(request.Url) ?? "the engine cannot send this request");
        return vu.Client.SendAsync(request, step, _shared.RequestsToken);
    }

    private static void Skip(LoadStep step, FlowSequence sequence, string reason)
    {
        sequence.CapturesOf(step.Plan);
        sequence.Completed(step.Plan, passed: false);
        step.Recorder.RecordSkipped();
        if (step.Recorder.WantsSample(FailureKind.Skipped))
        {
            step.Recorder.OfferSample(FailureKind.Skipped, new FailureSample { Kind = FailureKindNames.Of(FailureKind.Skipped), Message = reason });
        }
    }

    private static void NotBuilt(LoadStep step, FlowSequence sequence, string reason)
    {
        sequence.CapturesOf(step.Plan);
        sequence.Completed(step.Plan, passed: false);
        step.Recorder.RecordCheck(passed: false);
        if (step.Recorder.WantsSample(FailureKind.RequestNotBuilt))
        {
            step.Recorder.OfferSample(FailureKind.RequestNotBuilt, new FailureSample { Kind = FailureKindNames.Of(FailureKind.RequestNotBuilt), Message = reason });
        }
    }

    private void Record(LoadStep step, long latency, long end, FailureKind? failure, string? message, in ExchangeOutcome outcome)
    {
        step.Recorder.RecordNanoseconds(latency, failure);
        step.Recorder.RecordBytes(outcome.BytesIn, outcome.BytesOut);
        _shared.Series.RecordNanoseconds(latency, failure is not null, end);
        if (step.SlaBudgetNanoseconds is not null && step.Plan.Budget!.IsMetBy(latency) is false)
        {
            step.Recorder.RecordSlaViolation();
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

/// <summary>What every iteration of a run shares: the clock, the recorders, the request cancellation and the transport record.</summary>
internal sealed record LoadRunShared(
    TimeProvider Time,
    LoadMetrics Metrics,
    TimeSeries Series,
    BuiltInVariables BuiltIns,
    TransportUsage Transport,
    bool SoftBudgets,
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
