using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;

namespace Pacer.Contracts.Probing;

/// <summary>
/// What every check shares during one run: the document, the budgeted client, the users' tokens and
/// the findings so far. Sending through <see cref="SendAsync"/> also looks for stack traces in every answer.
/// </summary>
public sealed class ProbeSession(OpenApiSpec spec, ProbeOptions options, ProbeClient client)
{
    private readonly List<ProbeFinding> _findings = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rateLimited = new(StringComparer.Ordinal);

    public OpenApiSpec Spec { get; } = spec;

    public ProbeOptions Options { get; } = options;

    public ProbeClient Client { get; } = client;

    public List<string> Notes { get; } = [];

    public IReadOnlyList<ProbeFinding> Findings => _findings;

    public string? PrimaryToken => Options.Tokens.Count > 0 ? Options.Tokens[0] : null;

    /// <summary>True when the operation (or, without its own, the document) requires some security scheme.</summary>
    public bool IsSecured(ApiOperation operation) => OperationCatalog.IsSecured(Spec, operation);

    /// <summary>A valid request for the operation, carrying the given user's token when the operation is secured.</summary>
    public RequestDraft Draft(ApiOperation operation, string? token)
    {
        var draft = RequestGenerator.Draft(operation);
        if (token is not null && IsSecured(operation))
        {
            draft.SetHeader("Authorization", "Bearer " + token);
        }

        return draft;
    }

    public RequestDraft Draft(ApiOperation operation) => Draft(operation, PrimaryToken);

    /// <summary>A 5xx the operation itself documents (a 503 when a dependency is down) is its contract, not a finding.</summary>
    public static bool IsUndocumentedServerError(ApiOperation operation, ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsServerError)
        {
            return false;
        }

        var code = response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return operation.Operation.Responses?.ContainsKey(code) != true && operation.Operation.Responses?.ContainsKey("5XX") != true;
    }

    public bool SawRateLimit(ApiOperation operation) => _rateLimited.Contains(operation.Label);

    public async Task<(GeneratedRequest Request, ProbeResponse? Response)> SendAsync(ApiOperation operation, RequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(draft);
        var request = draft.Render();
        var response = await Client.TrySendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return (request, null);
        }

        if (response.Status == 429)
        {
            _rateLimited.Add(operation.Label);
        }

        if (ResponseEvidence.StackTrace(response.Body) is { } trace)
        {
            Report(new ProbeFinding(FindingKind.StackTrace, FindingSeverity.High, operation.Label,
                "stack trace in the response body", "no implementation details in responses",
                $"{response.Describe()} with `{Shorten(trace)}`", request), dedupeKey: "trace " + operation.Label);
        }

        return (request, response);
    }

    /// <summary>
    /// Checks an answer to input the API must refuse: 4xx expected; a 5xx is a finding. A 2xx (the API
    /// accepted what its own document forbids) is noted in the report. Returns the response for further checks.
    /// </summary>
    public async Task<ProbeResponse?> ExpectRejectedAsync(ApiOperation operation, FindingKind kind, string what, RequestDraft draft, CancellationToken cancellationToken)
    {
        var (request, response) = await SendAsync(operation, draft, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        if (IsUndocumentedServerError(operation, response) || response.Status == 0)
        {
            Report(new ProbeFinding(kind, FindingSeverity.High, operation.Label, $"server error on {what}", "4xx", response.Describe(), request));
        }
        else if (response.IsSuccess)
        {
            // The API and its document disagree; which one is wrong is for a person to decide, so it is
            // reported beside the findings rather than as one (a 5xx or a stack trace is the finding here).
            Notes.Add($"{operation.Label}: accepted {what} ({response.Describe()}); the document says this input is invalid");
        }

        return response;
    }

    /// <summary>Checks an answer to input the API may accept or refuse, but must not fail on: a 5xx is a finding.</summary>
    public async Task<ProbeResponse?> ExpectNoServerErrorAsync(ApiOperation operation, FindingKind kind, string what, RequestDraft draft, CancellationToken cancellationToken)
    {
        var (request, response) = await SendAsync(operation, draft, cancellationToken).ConfigureAwait(false);
        if (response is not null && (IsUndocumentedServerError(operation, response) || response.Status == 0))
        {
            Report(new ProbeFinding(kind, FindingSeverity.High, operation.Label, $"server error on {what}", "2xx or 4xx", response.Describe(), request));
        }

        return response;
    }

    /// <summary>Adds a finding unless one with the same key (by default kind, operation and title) is already there.</summary>
    public void Report(ProbeFinding finding, string? dedupeKey = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (_reported.Add(dedupeKey ?? $"{finding.Kind} {finding.Operation} {finding.Title}"))
        {
            _findings.Add(finding);
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
