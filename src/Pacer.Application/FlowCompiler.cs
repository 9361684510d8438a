using Pacer.Core.Configuration;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Runtime;

namespace Pacer.Application;

/// <summary>
/// Reads a run's flows the one way every command does (<c>check</c>, <c>run</c>, <c>load</c>,
/// <c>monitor</c>, the demo, the Hub): the config beside them and the environment asked for, every
/// file parsed and compiled into a <see cref="FlowPlan"/>, and every problem of every file collected:
/// syntax, undefined variables, relative URLs without a base URL, <c>@load</c> settings that do not fit together, thresholds naming a
/// step the run does not have. So <c>pacer check</c> rejects exactly what any command would, at the
/// same file:line:column.
/// </summary>
public static class FlowCompiler
{
    public static CompiledFlows Compile(FlowSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new List<InputProblem>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = LoadConfig(sources, problems);
        if (config is null)
        {
            return new CompiledFlows(sources, PacerConfig.Empty, [], problems, texts);
        }

        if (EnvironmentSelector.Validate(config, sources.Environment) is { } envError)
        {
            problems.Add(InputProblem.Option(envError));
            return new CompiledFlows(sources, config, [], problems, texts);
        }

        var plans = new List<FlowPlan>();
        foreach (var file in sources.Files)
        {
            var display = DisplayPath(file, sources.CurrentDirectory);
            var text = File.ReadAllText(file);
            texts[display] = text;
            var parsed = FlowParser.Parse(display, text);
            var diagnostics = parsed.Diagnostics.ToList();
            if (!parsed.HasErrors && parsed.Document is { } parsedDocument)
            {
                var knownNames = KnownNames(sources, config, parsedDocument).ToList();
                diagnostics.AddRange(VariableUsageChecker.Check(parsedDocument, knownNames));
                if (BaseUrlChecker.Check(parsedDocument, HasBaseUrl(sources, config, parsedDocument), knownNames) is { } noBaseUrl)
                {
                    diagnostics.Add(noBaseUrl);
                }
            }

            problems.AddRange(diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).Select(d => new InputProblem(d, text)));
            if (!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) && parsed.Document is { } document)
            {
                plans.Add(FlowPlan.Compile(document));
            }
        }

        var compiled = new CompiledFlows(sources, config, plans, problems, texts) { ConfigPath = FindConfig(sources) };
        foreach (var plan in plans)
        {
            // A flow's own @load lines must describe one executor, whatever the command: `pacer run`
            // ignores them, but a file that `pacer load` would refuse is bad input everywhere.
            var (_, errors) = ExecutorRegistry.Resolve(plan.Load);
            problems.AddRange(errors.Select(e => e.Span is { } span
                ? compiled.At(span, DiagnosticCodes.InvalidLoadSetting, e.Message)
                : compiled.At(plan.Document.Steps.Count > 0 ? plan.Document.Steps[0].Span : new SourceSpan(plan.Path, 1, 1, 1), DiagnosticCodes.InvalidLoadSetting, "@load: " + e.Message)));
        }

        problems.AddRange(ThresholdSteps.Check(plans, [.. plans.SelectMany(p => p.Thresholds).Select(t => (t.Threshold, (SourceSpan?)t.Span))], compiled));
        return compiled;
    }

    /// <summary>How a file is shown: relative to the current directory when it is below it.</summary>
    public static string DisplayPath(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    // The config is searched from the first flow file's directory upward, then from the current
    // directory. No config is fine (no environments).
    private static string? FindConfig(FlowSources sources) =>
        ConfigLocator.Find(sources.Files.Count > 0 ? Path.GetDirectoryName(sources.Files[0])! : sources.CurrentDirectory, sources.CurrentDirectory);

    private static PacerConfig? LoadConfig(FlowSources sources, List<InputProblem> problems)
    {
        if (FindConfig(sources) is not { } path)
        {
            return PacerConfig.Empty;
        }

        var text = File.ReadAllText(path);
        var loaded = ConfigLoader.Parse(DisplayPath(path, sources.CurrentDirectory), text);
        if (loaded.Error is { } error)
        {
            problems.Add(new InputProblem(error, text));
            return null;
        }

        return loaded.Config;
    }

    /// <summary><c>--base-url</c>, or the environment's <c>base_url</c> (for <c>pacer check</c>, any environment's).</summary>
    private static bool HasBaseUrl(FlowSources sources, PacerConfig config, FlowDocument document) =>
        !string.IsNullOrEmpty(sources.BaseUrl)
        || (sources.AnyEnvironment
            ? config.Environments.Any(e => !string.IsNullOrEmpty(e.BaseUrl))
            : !string.IsNullOrEmpty(EnvironmentSelector.Select(config, sources.Environment, document.Metadata.Env)?.BaseUrl));

    private static IEnumerable<string> KnownNames(FlowSources sources, PacerConfig config, FlowDocument document)
    {
        var environment = sources.AnyEnvironment
            ? config.Environments.SelectMany(e => e.Variables.Keys)
            : EnvironmentSelector.Select(config, sources.Environment, document.Metadata.Env)?.Variables.Keys ?? [];
        return sources.Variables.Keys.Concat(sources.SuppliedNames).Concat(environment);
    }
}
