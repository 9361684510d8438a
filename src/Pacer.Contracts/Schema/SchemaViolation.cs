namespace Pacer.Contracts.Schema;

/// <summary>
/// One way an instance breaks its schema. <see cref="InstancePointer"/> is a JSON pointer into the instance
/// (<c>""</c> for the whole body); <see cref="Property"/> names the property concerned (the missing one
/// for <c>required</c>), or is null for array items and the root; <see cref="Expected"/> says what the schema
/// wanted and <see cref="Actual"/> what came, both short enough for one line.
/// </summary>
public sealed record SchemaViolation(string InstancePointer, string? Property, string Keyword, string Expected, string Actual)
{
    /// <summary>The pointer as printed: <c>/</c> for the whole document rather than an empty string.</summary>
    public string DisplayPointer => InstancePointer.Length == 0 ? "/" : InstancePointer;

    public override string ToString()
    {
        var property = Property is null ? "" : $" (property '{Property}')";
        return $"{DisplayPointer}{property}: {Keyword}: wanted {Expected}, got {Actual}";
    }
}
