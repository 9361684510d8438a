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
}

public abstract record TemplatePart(int Offset, int Length);

public sealed record LiteralPart(string Text, int Offset, int Length) : TemplatePart(Offset, Length);

/// <summary><c>{{name}}</c> or <c>{{name | default: "value"}}</c>.</summary>
public sealed record VariablePart(string Name, string? DefaultValue, int Offset, int Length) : TemplatePart(Offset, Length);

/// <summary>
/// <c>{{$name}}</c> or <c>{{$name(a, b)}}</c>; <c>{{$env.NAME}}</c> is Name "env" with one argument "NAME".
/// </summary>
public sealed record BuiltInPart(string Name, IReadOnlyList<string> Arguments, int Offset, int Length) : TemplatePart(Offset, Length);
