using System.Runtime.CompilerServices;
using Microsoft.OpenApi;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;
using Pacer.Core.Execution;

namespace Pacer.Testing.Contracts;

/// <summary>
/// <c>response.ShouldMatchOpenApi(document, operationId)</c>: the response's status, content type and body
/// checked against one operation of an OpenAPI document, as <c>pacer contract</c> checks them; a mismatch
/// throws <see cref="OpenApiContractException"/> with the same violation text. Each document is prepared
/// once (the validator is cached beside it), so asserting in many tests costs little.
/// </summary>
public static class OpenApiAssertions
{
    private static readonly ConditionalWeakTable<OpenApiDocument, ResponseValidator> Validators = [];

    public static void ShouldMatchOpenApi(this HttpResponseMessage response, OpenApiSpec document, string operationId)
    {
        ArgumentNullException.ThrowIfNull(document);
        response.ShouldMatchOpenApi(document.Document, operationId);
    }

    public static void ShouldMatchOpenApi(this HttpResponseMessage response, OpenApiDocument document, string operationId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var validator = ValidatorFor(document);
        var operation = Operation(validator, operationId);

        // Sync over the content on purpose: an assertion reads like one; buffered content makes it cheap.
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        var violations = validator.Validate(operation, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        ThrowIfAny(operation.DisplayName, violations);
    }

    /// <summary>A flow step's response against its operation, found by operationId or, when null, by the request's method and URL.</summary>
    public static void ShouldMatchOpenApi(this StepResult step, OpenApiSpec document, string? operationId = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(document);
        if (step.Request is null || step.Response is null)
        {
            throw new OpenApiContractException($"step {step.Number} has no response to check ({step.Reason ?? step.Status.ToString()})");
        }

        var validator = ValidatorFor(document.Document);
        var response = step.Response;
        var violations = operationId is null
            ? validator.Validate(step.Request.Method, new Uri(step.Request.Url), response.Status, response.Header("Content-Type"), response.BodyText)
            : validator.Validate(Operation(validator, operationId), response.Status, response.Header("Content-Type"), response.BodyText);
        ThrowIfAny($"step {step.Number}", violations);
    }

    private static ResponseValidator ValidatorFor(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Validators.GetValue(document, d => new ResponseValidator(d));
    }

    private static DocumentedOperation Operation(ResponseValidator validator, string operationId) =>
        validator.Operations.ById(operationId)
        ?? throw new ArgumentException($"the document has no operation with operationId '{operationId}'", nameof(operationId));

    private static void ThrowIfAny(string subject, IReadOnlyList<ContractViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new OpenApiContractException(subject, violations);
        }
    }
}
