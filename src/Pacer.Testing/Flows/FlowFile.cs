using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Testing;

/// <summary>A parsed flow, ready to run as often as needed; each run has its own variables.</summary>
public sealed class FlowFile
{
    internal FlowFile(FlowDocument document, string text, IReadOnlyList<Diagnostic> warnings)
    {
        Document = document;
        Text = text;
        Warnings = warnings;
    }

    public FlowDocument Document { get; }

    public string Path => Document.Path;

    /// <summary>The flow's <c>@name</c>, or its file name.</summary>
    public string Name => Document.Metadata.Name ?? System.IO.Path.GetFileName(Document.Path);

    public string Text { get; }

    /// <summary>Parser warnings (the flow still runs).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>
    /// Runs every step against <paramref name="target"/>. <paramref name="vars"/> act like <c>--var</c>
    /// (they win over the flow's own defaults); values are JSON-serialized, so numbers stay numbers.
    /// A variable the flow uses but nothing defines throws <see cref="FlowParseException"/> before any request.
    /// </summary>
    public Task<FlowResult> RunAsync(FlowTarget target, IReadOnlyDictionary<string, object?>? vars = null, CancellationToken cancellationToken = default) =>
        RunAsync(target, new FlowRunSettings { Variables = vars ?? new Dictionary<string, object?>() }, cancellationToken);

    public async Task<FlowResult> RunAsync(FlowTarget target, FlowRunSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = settings.Variables.ToDictionary(v => v.Key, v => ToJson(v.Value), StringComparer.Ordinal);
        var undefined = VariableUsageChecker.Check(Document, overrides.Keys);
        if (undefined.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new FlowParseException(Path, Text, undefined);
        }

        var (client, owned) = target.ClientForRun();
        try
        {
            var options = new FlowRunOptions
            {
                BaseUrl = target.BaseUrl,
                Overrides = overrides,
                Timeout = settings.Timeout,
                FailFast = settings.FailFast,
                FollowRedirects = settings.FollowRedirects,
                SoftBudgets = settings.SoftBudgets,
                HttpClient = client,
            };
            var runner = new FlowRunner(options, BuiltInVariables.CreateDefault());
            var result = await runner.RunAsync(Document, null, cancellationToken).ConfigureAwait(false);
            return new FlowResult(Document, result);
        }
        finally
        {
            if (owned)
            {
                client?.Dispose();
            }
        }
    }

    public override string ToString() => Path;

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };
}
