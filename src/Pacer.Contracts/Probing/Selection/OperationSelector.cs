using System.Text.RegularExpressions;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Selection;

/// <summary>
/// Which operations a probe calls and when: <c>--include</c>/<c>--exclude</c> patterns first; then destructive
/// operations (DELETE) go to a last phase after every other check, and data-reset routes (<c>/reset</c>,
/// <c>/seed</c>, <c>/createdb</c>) are left out unless an <c>--include</c> names them. Every operation left out
/// is said, with why.
/// </summary>
public static class OperationSelector
{
    public static ProbePlan Plan(IReadOnlyList<ApiOperation> operations, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(exclude);
        var regular = new List<ApiOperation>();
        var destructive = new List<ApiOperation>();
        var notes = new List<string>();
        foreach (var operation in operations)
        {
            var included = include.Any(p => Matches(p, operation));
            if (include.Count > 0 && !included)
            {
                continue;
            }

            if (exclude.Any(p => Matches(p, operation)))
            {
                notes.Add($"{operation.Label}: excluded (--exclude)");
            }
            else if (OperationTraits.IsDataReset(operation) && !included)
            {
                notes.Add($"{operation.Label}: not called: it looks like it resets or seeds data (include it with --include \"{operation.Label}\" to probe it, last)");
            }
            else if (OperationTraits.IsDestructive(operation))
            {
                destructive.Add(operation);
            }
            else
            {
                regular.Add(operation);
            }
        }

        foreach (var pattern in include.Where(p => !operations.Any(o => Matches(p, o))))
        {
            notes.Add($"--include {pattern}: no operation matches");
        }

        return new ProbePlan(regular, destructive, notes);
    }

    /// <summary>
    /// True when the pattern names the operation: its operationId, <c>METHOD /path</c>, <c>/path</c> (any method) or
    /// <c>tag:NAME</c>; <c>*</c> matches any text. Methods and tags compare without case.
    /// </summary>
    public static bool Matches(string pattern, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(operation);
        var text = pattern.Trim();
        if (text.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            return operation.Operation.Tags?.Any(t => Glob(text[4..], t.Name ?? "", ignoreCase: true)) ?? false;
        }

        if (text.StartsWith('/'))
        {
            return Glob(text, operation.Path, ignoreCase: false);
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && text[(space + 1)..].TrimStart().StartsWith('/'))
        {
            return Glob(text[..space], operation.Method.Method, ignoreCase: true) && Glob(text[(space + 1)..].Trim(), operation.Path, ignoreCase: false);
        }

        return operation.Operation.OperationId is { } id && Glob(text, id, ignoreCase: false);
    }

    private static bool Glob(string pattern, string text, bool ignoreCase)
    {
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(text, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
