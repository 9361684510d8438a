using Pacer.Contracts.Generation;
using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance;

/// <summary>
/// One generated request of a conformance sweep: for which operation, what kind (positive, negative, …), what it
/// changes from the operation's full valid request (<c>body field email set to ""</c>), and the request itself.
/// <see cref="Documented"/> is null for an unsupported-method case (the document has no such operation).
/// </summary>
public sealed record ConformanceCase(string Label, DocumentedOperation? Documented, CaseKind Kind, string Description, GeneratedRequest Request)
{
    /// <summary>The full valid request this one changes one thing of; null for the full request itself.</summary>
    public ConformanceCase? Base { get; init; }

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {Description}";
}
