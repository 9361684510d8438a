using Pacer.Contracts.Contract.Conformance.Checks;

namespace Pacer.Contracts.Contract.Conformance;

/// <summary>Every conformance check of <c>pacer contract</c>, and the selection <c>--check</c>/<c>--skip-check</c> make.</summary>
public static class ConformanceCheckCatalog
{
    public static IReadOnlyList<IConformanceCheck> Create() =>
    [
        new NotAServerErrorCheck(),
        new StatusCodeConformanceCheck(),
        new ContentTypeConformanceCheck(),
        new ResponseSchemaConformanceCheck(),
        new PositiveDataAcceptanceCheck(),
        new NegativeDataRejectionCheck(),
        new MissingRequiredHeaderCheck(),
        new UnsupportedMethodCheck(),
    ];

    /// <summary>The selected checks; an unknown name is an <see cref="ArgumentException"/> naming it.</summary>
    public static IReadOnlyList<IConformanceCheck> Select(IReadOnlyList<string> only, IReadOnlyList<string> skip)
    {
        ArgumentNullException.ThrowIfNull(only);
        ArgumentNullException.ThrowIfNull(skip);
        var all = Create();
        var unknown = only.Concat(skip).Where(n => all.All(c => c.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown check(s): {string.Join(", ", unknown)}; the checks are {string.Join(", ", all.Select(c => c.Name))}");
        }

        return all.Where(c => (only.Count == 0 || only.Contains(c.Name)) && !skip.Contains(c.Name)).ToList();
    }
}
