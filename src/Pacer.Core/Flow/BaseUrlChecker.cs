using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Finds, before anything is sent, a flow whose steps have relative URLs (<c>GET /users</c>) when the run
/// has nowhere to send them: no <c>--base-url</c>, no <c>base_url</c> in the environment, and no
/// <c>base_url</c> (or <c>baseUrl</c>) variable defined or captured before the step. One diagnostic per
/// file, at the first such step: the fix is the same for all of them.
/// </summary>
public static class BaseUrlChecker
{
    private static readonly string[] VariableNames = ["base_url", "baseUrl"];

    /// <param name="document">The parsed flow.</param>
    /// <param name="baseUrlGiven">A base URL comes from the command line or the environment.</param>
    /// <param name="knownNames">Variables defined before the run; the flow's defaults are added.</param>
    public static Diagnostic? Check(FlowDocument document, bool baseUrlGiven, IEnumerable<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(knownNames);
        if (baseUrlGiven)
        {
            return null;
        }

        var known = new HashSet<string>(knownNames, StringComparer.Ordinal);
        known.UnionWith(document.Metadata.Defaults.Keys);
        StepNode? first = null;
        var relative = 0;
        foreach (var step in document.Steps)
        {
            if (VariableNames.Any(known.Contains))
            {
                break;
            }

            if (IsRelative(step.Url))
            {
                first ??= step;
                relative++;
            }

            known.UnionWith(step.Captures.Select(c => c.Name));
        }

        if (first is null)
        {
            return null;
        }

        var others = relative switch
        {
            1 => "",
            2 => " (nor for 1 more step of this file)",
            _ => $" (nor for {relative - 1} more steps of this file)",
        };
        return new Diagnostic(
            DiagnosticSeverity.Error,
            DiagnosticCodes.MissingBaseUrl,
            $"step \"{first.Name}\" has the relative URL `{first.Url.Raw}` but the run has no base URL to put before it{others}: "
                + "pass --base-url http://HOST:PORT, give the environment a base_url in .pacer/config.yaml, or write `@var base_url=...` in the ```flow block",
            first.Url.Span with { Length = first.Url.Raw.Length });
    }

    /// <summary>
    /// Relative for sure: the URL starts with text that is not, and cannot become, <c>http://</c> or
    /// <c>https://</c>. A URL starting with a placeholder (<c>{{host}}/x</c>) is left to the run.
    /// </summary>
    private static bool IsRelative(Template url)
    {
        if (url.Parts.Count == 0 || url.Parts[0] is not LiteralPart head)
        {
            return false;
        }

        foreach (var scheme in new[] { "http://", "https://" })
        {
            var couldBeScheme = url.Parts.Count > 1
                ? scheme.StartsWith(head.Text, StringComparison.OrdinalIgnoreCase) || head.Text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                : head.Text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase);
            if (couldBeScheme)
            {
                return false;
            }
        }

        return true;
    }
}
