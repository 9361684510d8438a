namespace Pacer.Core.Flow.Syntax;

public enum PathRoot
{
    Status,
    Duration,
    Header,
    Body,
}

/// <summary>
/// What an assertion or capture reads from a response: <c>status</c>, <c>duration</c>,
/// <c>header.Name</c>, <c>body</c>, <c>body.a.b[0].c</c> (bare <c>a.b</c> means <c>body.a.b</c>).
/// <see cref="HeaderName"/> is set only for <see cref="PathRoot.Header"/>.
/// </summary>
public sealed record ValuePath(PathRoot Root, string? HeaderName, IReadOnlyList<PathSegment> Segments, string Text);

public abstract record PathSegment;

/// <summary>A property name. <c>length</c> reads the property if the object has one, else counts.</summary>
public sealed record PropertySegment(string Name) : PathSegment;

public sealed record IndexSegment(int Index) : PathSegment;

/// <summary>Always a count: written as the infix word in <c>body.items length == 3</c>.</summary>
public sealed record LengthSegment : PathSegment;
