namespace Pacer.Contracts.Contract.Conformance;

/// <summary>
/// One named conformance check of <c>pacer contract</c>, as Schemathesis names its own (<c>not-a-server-error</c>,
/// <c>positive-data-acceptance</c>…): it judges each case's answer and returns what is wrong with it.
/// <c>--check</c> and <c>--skip-check</c> select checks by <see cref="Name"/>.
/// </summary>
public interface IConformanceCheck
{
    string Name { get; }

    /// <summary>One line for the documentation and the help: what makes a violation.</summary>
    string Description { get; }

    IEnumerable<Validation.ContractViolation> Judge(CaseResult result);
}
