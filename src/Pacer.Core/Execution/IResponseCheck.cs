using Pacer.Core.Http;

namespace Pacer.Core.Execution;

/// <summary>
/// A check every response of a run must pass besides the step's own assertions (an OpenAPI contract,
/// say). Each problem it returns fails the step, with the problem in the step's reason. Called from
/// parallel flows at once, so it must be thread-safe.
/// </summary>
public interface IResponseCheck
{
    IReadOnlyList<string> Check(RequestSummary request, ResponseSnapshot response);
}
