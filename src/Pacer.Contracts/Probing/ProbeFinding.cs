using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing;

/// <summary>
/// One thing the API got wrong, as a person needs it to act: the check that found it and its OWASP category,
/// the operation as the document names it (<c>POST /orders</c>), what was expected and what came, the exchange
/// that shows it, and the second, differential request that confirmed it before it was reported. The request
/// replays as a ```kest step (<see cref="Kest"/>) or a curl line (<see cref="Curl"/>).
/// </summary>
public sealed record ProbeFinding
{
    /// <summary>The check's name, as <c>--check</c> selects it: <c>sql-injection-boolean</c>.</summary>
    public required string Check { get; init; }

    public required OwaspCategory Category { get; init; }

    public required FindingSeverity Severity { get; init; }

    public required string Operation { get; init; }

    public required string Title { get; init; }

    public required string Expected { get; init; }

    public required string Got { get; init; }

    /// <summary>The request that shows the flaw and the response it got.</summary>
    public required Exchange Evidence { get; init; }

    /// <summary>How the flaw was confirmed before it was reported.</summary>
    public required FindingConfirmation Confirmation { get; init; }

    /// <summary>Assertions of the secure behaviour for the kest step: the step fails while the flaw is there.</summary>
    public IReadOnlyList<string> Asserts { get; init; } = [];

    public GeneratedRequest Request => Evidence.Request;

    /// <summary>The request as a ready-to-run ```kest block (Pacer's FlowParser reads it).</summary>
    public string Kest => KestBlock.Write(ReplayableRequest.Of(Request), $"{Check}: {Title}", Asserts);

    /// <summary>The request as one shell line against <paramref name="baseUrl"/>.</summary>
    public string Curl(Uri baseUrl) => CurlCommand.For(baseUrl, Request);
}

/// <summary>
/// The confirmation of a finding: what was compared (<c>the same request as user 2 with an unknown id answered 404</c>)
/// and the exchange that did it, when it took a request (an offline check such as a cracked JWT key has none of its own).
/// </summary>
public sealed record FindingConfirmation(string How, Exchange? Exchange = null);
