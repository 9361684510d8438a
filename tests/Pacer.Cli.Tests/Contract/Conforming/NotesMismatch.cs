namespace Pacer.Cli.Tests.Contract.Conforming;

/// <summary>
/// The ways <see cref="NotesApi"/> can disagree with its document, one per conformance check (named in each comment);
/// without any, the API does exactly what the document says.
/// </summary>
internal enum NotesMismatch
{
    /// <summary>positive-data-acceptance: POST /notes refuses tag null, which the document allows (400).</summary>
    NullableRefused,

    /// <summary>positive-data-acceptance: POST /notes refuses a request without Idempotency-Key, documented as optional (400).</summary>
    OptionalHeaderRequired,

    /// <summary>positive-data-acceptance: GET /notes refuses page=0, a bound the document does not state (400).</summary>
    UndocumentedBound,

    /// <summary>negative-data-rejection: POST /notes accepts a note without text, which the document requires (201).</summary>
    RequiredNotEnforced,

    /// <summary>missing-required-header: GET /notes answers without the required X-Tenant header (200).</summary>
    RequiredHeaderIgnored,

    /// <summary>not-a-server-error: POST /notes fails on a text of exactly its maxLength, 200 characters (500).</summary>
    ServerErrorAtMaxLength,

    /// <summary>status-code-conformance: GET /notes/{id} answers 410 for an unknown id; the document says 404.</summary>
    UndocumentedStatus,

    /// <summary>content-type-conformance: GET /notes/{id} answers text/plain; the document says application/json.</summary>
    WrongContentType,

    /// <summary>response-schema-conformance: every problem answer carries code as a number; the document says a string.</summary>
    ErrorSchemaMismatch,

    /// <summary>unsupported-method: DELETE /notes/{id}, which the document does not list, answers 404 instead of 405.</summary>
    UnsupportedMethodNot405,
}
