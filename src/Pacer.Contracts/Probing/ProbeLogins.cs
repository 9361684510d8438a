using Pacer.Contracts.Generation;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Templating;

namespace Pacer.Contracts.Probing;

/// <summary>
/// Runs each login flow once against the target and keeps the <c>token</c> it captured, one user per flow, with
/// the login step's request and answer and a way to log in again (the logged-out-token and mass-assignment checks
/// need a fresh session).
/// </summary>
public static class ProbeLogins
{
    public const string TokenVariable = "token";

    public static async Task<IReadOnlyList<ProbeUser>> RunAsync(IEnumerable<string> flowPaths, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flowPaths);
        var users = new List<ProbeUser>();
        foreach (var path in flowPaths)
        {
            if (!File.Exists(path))
            {
                throw new ProbeInputException($"{path}: login flow not found");
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            users.Add(await RunOneAsync(path, text, baseUrl, cancellationToken).ConfigureAwait(false));
        }

        return users;
    }

    public static async Task<ProbeUser> RunOneAsync(string path, string text, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var parsed = FlowParser.Parse(path, text);
        if (parsed.Document is null)
        {
            var first = parsed.Diagnostics.First(d => d.Severity == Pacer.Core.Flow.Syntax.DiagnosticSeverity.Error);
            throw new ProbeInputException($"{first.Span.File}:{first.Span.Line}:{first.Span.Column}: {first.Message}");
        }

        var runner = new FlowRunner(new FlowRunOptions { BaseUrl = baseUrl.ToString().TrimEnd('/') }, BuiltInVariables.CreateDefault());
        var result = await runner.RunAsync(parsed.Document, null, cancellationToken).ConfigureAwait(false);
        var step = result.Steps.LastOrDefault(s => s.Captures.Any(c => c.Found && c.Capture.Name == TokenVariable));
        var token = step?.Captures.Last(c => c.Found && c.Capture.Name == TokenVariable).Value;
        if (step is null || token is null)
        {
            var failed = result.Steps.FirstOrDefault(s => !s.Passed);
            var reason = failed is null ? "no step captures `token`" : $"step {failed.Number} {failed.Status.ToString().ToLowerInvariant()}: {failed.Reason ?? string.Join("; ", failed.FailedAssertions.Select(a => a.Message ?? $"expected {a.Expected}, got {a.Actual}"))}";
            throw new ProbeInputException($"{path}: login did not capture `{TokenVariable}` ({reason})");
        }

        return new ProbeUser
        {
            Name = Path.GetFileName(path).Replace(".flow.md", "", StringComparison.OrdinalIgnoreCase),
            Token = RequestGenerator.ParameterText(token),
            LoginRequest = step.Request,
            LoginResponse = step.Response?.Json?.DeepClone(),
            Relogin = ct => RunOneAsync(path, text, baseUrl, ct),
        };
    }
}
