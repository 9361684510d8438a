using System.Threading.Channels;
using Pacer.Load.Results;

namespace Pacer.Hub.Client;

/// <summary>Where <c>--hub URL --project SLUG</c> sends a run.</summary>
public sealed record HubTarget(Uri Url, string Project, string? Token, string? Label = null);

/// <summary>What happened to a result: uploaded (with the run's id and page), or kept in the outbox and why.</summary>
public sealed record HubSinkOutcome(bool Uploaded, long? RunId, string Message, string? KeptAt);

/// <summary>
/// The <c>--hub</c> output of <c>pacer run</c>, <c>pacer load</c> and <c>pacer monitor</c>: an output in the
/// DESIGN.md sense — it reads results and progress, never drives the run, and never fails it. On start it
/// opens a live run in the Hub; <see cref="Progress"/> forwards each second's numbers from a background
/// queue (a slow Hub drops points, never slows the load); <see cref="FinishAsync(string, CancellationToken)"/>
/// uploads the finished result. Anything that cannot reach the Hub lands in <c>.pacer/hub-outbox/</c> for
/// <c>pacer hub push</c>.
/// </summary>
public sealed class HubResultSink : IAsyncDisposable
{
    private readonly HubTarget _target;
    private readonly HubOutbox _outbox;
    private readonly TextWriter _log;
    private readonly HubClient _client;
    private readonly Channel<HubProgress> _progress = Channel.CreateBounded<HubProgress>(new BoundedChannelOptions(120) { FullMode = BoundedChannelFullMode.DropOldest });
    private long? _projectId;
    private long? _liveRunId;
    private string? _kind;
    private Task? _pump;

    public HubResultSink(HubTarget target, string workingDirectory, TextWriter log, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _outbox = HubOutbox.In(workingDirectory);
        _log = log;
        _client = new HubClient(target.Url, target.Token, http);
    }

    /// <summary>The Hub's id of the live run, once <see cref="StartAsync"/> opened one.</summary>
    public long? LiveRunId => _liveRunId;

    /// <summary>Opens a live run; if the Hub cannot be reached the run goes on and the result is uploaded (or kept) at the end.</summary>
    public async Task StartAsync(string kind, IReadOnlyList<string> flows, CancellationToken cancellationToken)
    {
        _kind = kind;
        try
        {
            _projectId = (await _client.FindProjectAsync(_target.Project, cancellationToken).ConfigureAwait(false)).Id;
            _liveRunId = (await _client.StartLiveRunAsync(_projectId.Value, kind, flows, _target.Label, cancellationToken).ConfigureAwait(false)).Id;
            _pump = Task.Run(() => PumpAsync(_projectId.Value, _liveRunId.Value), CancellationToken.None);
        }
        catch (HubException exception)
        {
            await _log.WriteLineAsync($"hub: live progress off ({exception.Message}); the result will be uploaded at the end").ConfigureAwait(false);
        }
    }

    /// <summary>Never blocks: the point is queued, and dropped when the Hub falls behind.</summary>
    public void Progress(HubProgress point) => _progress.Writer.TryWrite(point);

    public Task<HubSinkOutcome> FinishAsync(LoadResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        LoadResultJson.Write(result, buffer);
        return FinishAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), cancellationToken);
    }

    /// <summary>Uploads the finished result (a result file or a <c>pacer run</c> JSON report); on any failure keeps it in the outbox.</summary>
    /// <param name="kind"><c>monitor</c> for a <c>pacer monitor</c> check's report; otherwise the kind given to <see cref="StartAsync"/>, or what the file is.</param>
    public async Task<HubSinkOutcome> FinishAsync(string resultJson, CancellationToken cancellationToken, string? kind = null)
    {
        _kind = kind ?? _kind;
        await StopPumpAsync().ConfigureAwait(false);
        try
        {
            _projectId ??= (await _client.FindProjectAsync(_target.Project, cancellationToken).ConfigureAwait(false)).Id;
            var run = _liveRunId is { } live
                ? await _client.FinishLiveRunAsync(_projectId.Value, live, resultJson, cancellationToken).ConfigureAwait(false)
                : await _client.UploadAsync(_projectId.Value, resultJson, _kind, _target.Label, cancellationToken).ConfigureAwait(false);
            var page = new Uri(_target.Url, $"p/{Uri.EscapeDataString(_target.Project)}/runs/{run.Id}");
            return new HubSinkOutcome(true, run.Id, $"hub: uploaded as run {run.Id}: {page}", null);
        }
        catch (HubException exception)
        {
            var kept = _outbox.Keep(new HubOutbox.Entry(_target.Url.AbsoluteUri, _target.Project, _kind, _target.Label, DateTimeOffset.UtcNow, exception.Message, resultJson));
            return new HubSinkOutcome(false, null, $"hub: not uploaded ({exception.Message}); kept in {kept}, send it later with `pacer hub push`", kept);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopPumpAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private async Task PumpAsync(long projectId, long runId)
    {
        await foreach (var point in _progress.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _client.SendProgressAsync(projectId, runId, point, CancellationToken.None).ConfigureAwait(false);
            }
            catch (HubException)
            {
                // Progress is a courtesy: the result at the end is what counts, and it has its own fallback.
            }
        }
    }

    private async Task StopPumpAsync()
    {
        _progress.Writer.TryComplete();
        if (_pump is { } pump)
        {
            await Task.WhenAny(pump, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
    }
}
