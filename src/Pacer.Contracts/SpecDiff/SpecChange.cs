namespace Pacer.Contracts.SpecDiff;

/// <summary>
/// One difference between two versions of a document: where (<c>GET /pets/{id}</c>, then the part:
/// <c>response 200 body.name</c>), what kind, and whether a client written against the old version breaks.
/// </summary>
public sealed record SpecChange(bool Breaking, SpecChangeKind Kind, string Operation, string Where, string Message)
{
    public override string ToString() => Where.Length == 0 ? $"{Operation}: {Message}" : $"{Operation} {Where}: {Message}";
}
