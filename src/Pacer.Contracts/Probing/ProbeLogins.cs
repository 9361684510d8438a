using Pacer.Contracts.Generation;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Templating;

namespace Pacer.Contracts.Probing;

/// <summary>Runs each login flow once against the target and keeps the <c>token</c> it captured, one user per flow.</summary>
public static class ProbeLogins
{
    public const string TokenVariable = "token";

    public static async Task<IReadOnlyList<string>> RunAsync(IEnumerable<string> flowPaths, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flowPaths);
        var tokens = new List<string>();
        foreach (var path in flowPaths)
        {
            if (!File.Exists(path))
            {
                throw new ProbeInputException($"{path}: login flow not found");
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            tokens.Add(await RunOneAsync(path, text, baseUrl, cancellationToken).ConfigureAwait(false));
        }

        return tokens;
    }

    public static async Task<string> RunOneAsync(string path, string text, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var parsed = FlowParser.Parse(path, text);
        if (parsed.Document is null)
        {
            var first = parsed.Diagnostics.First(d => d.Severity == Pacer.Core.Flow.Syntax.DiagnosticSeverity.Error);
            throw new ProbeInputException($"{first.Span.File}:{first.Span.Line}:{first.Span.Column}: {first.Message}");
        }

        var runner = new FlowRunner(new FlowRunOptions { BaseUrl = baseUrl.ToString().TrimEnd('/') }, BuiltInVariables.CreateDefault());
        var result = await runner.RunAsync(parsed.Document, null, cancellationToken).ConfigureAwait(false);
        var token = result.Steps.SelectMany(s => s.Captures).LastOrDefault(c => c.Found && c.Capture.Name == TokenVariable)?.Value;
        if (token is null)
        {
            var failed = result.Steps.FirstOrDefault(s => !s.Passed);
            var reason = failed is null ? "no step captures `token`" : $"step {failed.Number} {failed.Status.ToString().ToLowerInvariant()}: {failed.Reason ?? string.Join("; ", failed.FailedAssertions.Select(a => a.Message ?? $"expected {a.Expected}, got {a.Actual}"))}";
            throw new ProbeInputException($"{path}: login did not capture `{TokenVariable}` ({reason})");
        }

        return RequestGenerator.ParameterText(token);
    }
}
