using System.Globalization;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Tests.Assertions.Support;

/// <summary>
/// Builds <see cref="ValuePath"/> trees from text for tests: <c>status</c>, <c>duration</c>,
/// <c>header.Name</c>, <c>body</c>, <c>body.a.b[0].c</c>, bare <c>a.b</c>, and a trailing <c> length</c> word.
/// </summary>
public static class Paths
{
    public static ValuePath Parse(string text)
    {
        var trimmed = text.Trim();
        var infixLength = trimmed.EndsWith(" length", StringComparison.Ordinal);
        var core = infixLength ? trimmed[..^" length".Length] : trimmed;

        if (core == "status")
        {
            return new ValuePath(PathRoot.Status, null, [], text);
        }

        if (core == "duration")
        {
            return new ValuePath(PathRoot.Duration, null, [], text);
        }

        if (core.StartsWith("header.", StringComparison.Ordinal))
        {
            return new ValuePath(PathRoot.Header, core["header.".Length..], infixLength ? [new LengthSegment()] : [], text);
        }

        var rest = core == "body" ? "" : core.StartsWith("body.", StringComparison.Ordinal) ? core["body.".Length..] : core;
        var segments = Segments(rest);
        if (infixLength)
        {
            segments.Add(new LengthSegment());
        }

        return new ValuePath(PathRoot.Body, null, segments, text);
    }

    private static List<PathSegment> Segments(string rest)
    {
        var segments = new List<PathSegment>();
        foreach (var piece in rest.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = piece.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? piece : piece[..bracket];
            if (name.Length > 0)
            {
                segments.Add(new PropertySegment(name));
            }

            while (bracket >= 0)
            {
                var close = piece.IndexOf(']', bracket);
                segments.Add(new IndexSegment(int.Parse(piece[(bracket + 1)..close], CultureInfo.InvariantCulture)));
                bracket = piece.IndexOf('[', close);
            }
        }

        return segments;
    }
}
