using System.Threading.Channels;
using Pacer.Core.Execution;
using Pacer.Hub.Client;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// <c>pacer monitor --hub</c>: every check is uploaded as a <c>monitor</c> run, in order, from a background
/// queue, so a slow or absent Hub never delays the schedule. When the monitor stops, the checks still
/// queued are uploaded (or kept in the outbox) before the command exits.
/// </summary>
internal sealed class HubMonitorUploads : IAsyncDisposable
{
    private readonly HubResultSink _sink;
    private readonly PacerContext _context;
    private readonly Channel<FlowRunResult> _checks = Channel.CreateUnbounded<FlowRunResult>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;

    public HubMonitorUploads(HubResultSink sink, PacerContext context)
    {
        _sink = sink;
        _context = context;
        _pump = Task.Run(PumpAsync);
    }

    public void Enqueue(FlowRunResult check) => _checks.Writer.TryWrite(check);

    public async ValueTask DisposeAsync()
    {
        _checks.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        await _sink.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        await foreach (var check in _checks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var json = HubUploads.RunReportJson(new RunResult([check], check.StartedAt, check.Duration));
            var outcome = await _sink.FinishAsync(json, CancellationToken.None, kind: "monitor").ConfigureAwait(false);
            if (!outcome.Uploaded)
            {
                await HubUploads.SayAsync(outcome, _context).ConfigureAwait(false);
            }
        }
    }
}
