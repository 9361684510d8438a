using Pacer.Hub.Features.ApiSpecs;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// Finds the project endpoint a step called: same method, and the spec's path template matching the
/// end of the step's URL. A step's URL may carry a scheme, host, base path (<c>/api/v1</c>), query,
/// or <c>{{variables}}</c> where the spec has <c>{id}</c>; both kinds of placeholder match any one
/// segment. Among several matches the one with most literal segments in common wins, so
/// <c>/orders/mine</c> beats <c>/orders/{id}</c>.
/// </summary>
public static class SpecMatcher
{
    public static ApiSpec? Match(IReadOnlyList<ApiSpec> specs, string method, string url)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var segments = Segments(PathOf(url ?? ""));
        ApiSpec? best = null;
        var bestScore = -1;
        foreach (var spec in specs)
        {
            if (!string.Equals(spec.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var score = Score(Segments(spec.Path), segments);
            if (score > bestScore)
            {
                best = spec;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Literal segments matched, or -1 when the spec's path is not the end of the step's.</summary>
    private static int Score(string[] spec, string[] step)
    {
        if (spec.Length > step.Length || (spec.Length == 0 && step.Length != 0))
        {
            return -1;
        }

        var offset = step.Length - spec.Length;
        var literal = 0;
        for (var i = 0; i < spec.Length; i++)
        {
            var want = spec[i];
            var have = step[offset + i];
            // A spec's {id} stands for any value; a step's {{variable}} only for a spec's placeholder,
            // never for a fixed word (so /projects/{{id}}/runs is not /projects/{id}).
            if (IsPlaceholder(want))
            {
                continue;
            }

            if (IsPlaceholder(have))
            {
                return -1;
            }

            if (!string.Equals(want, have, StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            literal++;
        }

        return literal;
    }

    private static bool IsPlaceholder(string segment) =>
        segment.Contains("{{", StringComparison.Ordinal) || (segment.StartsWith('{') && segment.EndsWith('}')) || segment.StartsWith(':');

    private static string PathOf(string url)
    {
        var path = url;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }
        else if (path.StartsWith("{{", StringComparison.Ordinal))
        {
            // {{base_url}}/orders: the variable stands for scheme, host and base path.
            var end = path.IndexOf("}}", StringComparison.Ordinal);
            path = end < 0 ? path : path[(end + 2)..];
        }

        var query = path.IndexOfAny(['?', '#']);
        return query < 0 ? path : path[..query];
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
