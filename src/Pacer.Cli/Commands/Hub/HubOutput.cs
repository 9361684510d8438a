using System.CommandLine;
using Pacer.Hub.Client;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// The <c>--hub URL --project SLUG [--hub-label TEXT]</c> options of <c>pacer run</c>, <c>pacer load</c>
/// and <c>pacer monitor</c>, defined once, and the <see cref="HubResultSink"/> they create. For the lead
/// to wire: add <see cref="Options"/> to the three commands; when <see cref="CreateSinkAsync"/> returns a
/// sink, call <c>StartAsync</c> before the run, wrap the load's console observer in a
/// <see cref="HubLoadObserver"/> (pacer load), and call <c>FinishAsync</c> with the result (or the JSON
/// report's text) afterwards; print its message. The run's exit code never depends on it.
/// </summary>
public sealed class HubOutput
{
    public Option<string?> Hub { get; } = new("--hub") { Description = "Upload the result to this Pacer Hub (token: PACER_HUB_TOKEN or pacer hub login)" };

    public Option<string?> Project { get; } = new("--project") { Description = "The Hub project's slug (with --hub)" };

    public Option<string?> Label { get; } = new("--hub-label") { Description = "A label for the run in the Hub: a branch, a commit, a CI job" };

    public IEnumerable<Option> Options => [Hub, Project, Label];

    /// <summary>Null when <c>--hub</c> was not given; an error message for bad input (exit 2) before anything runs.</summary>
    public async Task<(HubResultSink? Sink, string? Error)> CreateSinkAsync(ParseResult parsed, PacerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(context);
        var hub = parsed.GetValue(Hub);
        var project = parsed.GetValue(Project);
        if (hub is null)
        {
            return project is null ? (null, null) : (null, "--project needs --hub URL");
        }

        if (!HubAddress.TryParse(hub, out var url, out var error))
        {
            return (null, error);
        }

        if (string.IsNullOrWhiteSpace(project))
        {
            return (null, "--hub needs --project SLUG");
        }

        string? token;
        try
        {
            token = await HubCredentials.Default(context.Environment).TokenForAsync(url!, null, cancellationToken).ConfigureAwait(false);
        }
        catch (HubException exception)
        {
            // The run still happens; the upload will fail and the result be kept for pacer hub push.
            await context.Error.WriteLineAsync($"hub: the saved session could not be used ({exception.Message})").ConfigureAwait(false);
            token = null;
        }

        return (new HubResultSink(new HubTarget(url!, project, token, parsed.GetValue(Label)), context.CurrentDirectory, context.Error), null);
    }
}
