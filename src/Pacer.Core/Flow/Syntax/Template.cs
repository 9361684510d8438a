namespace Pacer.Core.Flow.Syntax;

/// <summary>
/// Text with <c>{{...}}</c> placeholders, split into parts. <see cref="Span"/> is where
/// <see cref="Raw"/> starts; each part's <see cref="TemplatePart.Offset"/> is relative to it,
/// so an undefined variable can be reported at its own column.
/// </summary>
public sealed record Template(string Raw, IReadOnlyList<TemplatePart> Parts, SourceSpan Span)
{
    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    public IEnumerable<string> VariableNames => Parts.OfType<VariablePart>().Select(p => p.Name);

    /// <summary>
    /// Where the character at <paramref name="offset"/> of <see cref="Raw"/> stands in the file.
    /// Raw joins a multi-line body with '\n' and always starts at <see cref="Span"/>; on the first
    /// line the column is Span.Column + offset, on every later line the text starts at column 1.
    /// </summary>
    public SourceSpan PositionOf(int offset, int length = 0)
    {
        offset = Math.Clamp(offset, 0, Raw.Length);
        var line = Span.Line;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (Raw[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = line == Span.Line ? Span.Column + offset : offset - lineStart + 1;
        return new SourceSpan(Span.File, line, column, length);
    }
}

public abstract record TemplatePart(int Offset, int Length);

public sealed record LiteralPart(string Text, int Offset, int Length) : TemplatePart(Offset, Length);

/// <summary><c>{{name}}</c> or <c>{{name | default: "value"}}</c>.</summary>
public sealed record VariablePart(string Name, string? DefaultValue, int Offset, int Length) : TemplatePart(Offset, Length);

/// <summary>
/// <c>{{$name}}</c> or <c>{{$name(a, b)}}</c>; <c>{{$env.NAME}}</c> is Name "env" with one argument "NAME".
/// </summary>
public sealed record BuiltInPart(string Name, IReadOnlyList<string> Arguments, int Offset, int Length) : TemplatePart(Offset, Length);
