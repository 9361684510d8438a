using System.Collections.Concurrent;
using Pacer.Contracts.Validation;
using Pacer.Core.Execution;
using Pacer.Core.Http;

namespace Pacer.Contracts.Contract;

/// <summary>
/// The contract as a check inside a flow run (<c>pacer run --openapi</c>, <c>pacer contract --flows</c>):
/// every response is validated against its operation, each violation fails its step with the violation's
/// text, and everything seen is kept for the grouped contract report.
/// </summary>
public sealed class OpenApiResponseCheck(ResponseValidator validator) : IResponseCheck
{
    private readonly ConcurrentQueue<ContractViolation> violations = new();
    private readonly ConcurrentDictionary<string, int> responsesByOperation = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Check(RequestSummary request, ResponseSnapshot response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var url = new Uri(request.Url);
        var operation = validator.Operations.Find(request.Method, url, out _);
        responsesByOperation.AddOrUpdate(operation?.DisplayName ?? $"{request.Method.ToUpperInvariant()} {url.AbsolutePath}", 1, (_, n) => n + 1);
        var found = operation is null
            ? validator.Validate(request.Method, url, response.Status, response.Header("Content-Type"), response.BodyText)
            : validator.Validate(operation, response.Status, response.Header("Content-Type"), response.BodyText);
        foreach (var violation in found)
        {
            violations.Enqueue(violation);
        }

        return found.Select(v => "contract: " + v).ToList();
    }

    public ContractOutcome Outcome(IReadOnlyList<string> notes) => new([.. violations], new Dictionary<string, int>(responsesByOperation), notes);
}
