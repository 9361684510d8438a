using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// One named probe check (<c>sql-injection-boolean</c>, <c>object-level-authorization</c>…): what it sends, when it
/// is a finding, and how it confirms one before reporting it. Checks are independent; <c>--check</c> and
/// <c>--skip-check</c> select them by <see cref="Name"/>, and each one that cannot run says why in a note.
/// </summary>
public interface IProbeCheck
{
    string Name { get; }

    OwaspCategory Category { get; }

    /// <summary>One line for <c>pacer probe --list-checks</c>: what is sent and what makes a finding.</summary>
    string Description { get; }

    /// <summary>Whether the check also runs, in the last phase, on destructive operations (DELETE).</summary>
    bool RunsOnDestructive => false;

    Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken);
}

/// <summary>A passive check: it sends nothing of its own but looks at every answer the run gets (a repeat confirms what it sees).</summary>
public interface IResponseObserver : IProbeCheck
{
    Task ObserveAsync(ProbeSession session, Exchange exchange, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken);
}
