namespace Pacer.Contracts.Probing;

/// <summary>What a probe checks; each finding belongs to one kind (and reports group by it).</summary>
public enum FindingKind
{
    /// <summary>A valid request answered with an undocumented 5xx.</summary>
    ServerError,

    /// <summary>Invalid JSON, wrong types, missing required fields, out-of-range values, wrong content type, unknown fields.</summary>
    MalformedInput,

    /// <summary>Values at and just past the schema's limits, empty and long unicode strings.</summary>
    BoundaryValue,

    /// <summary>SQL, NoSQL, script, path traversal and CRLF strings in fields and parameters.</summary>
    Injection,

    /// <summary>A secured operation that answers without a valid token.</summary>
    Authentication,

    /// <summary>One user reads, changes or deletes what another created.</summary>
    ObjectAuthorization,

    /// <summary>A response without the headers every API response should carry.</summary>
    SecurityHeaders,

    /// <summary>CORS that lets any origin read responses with credentials.</summary>
    Cors,

    /// <summary>No 429 after a burst past a documented rate limit.</summary>
    RateLimit,

    /// <summary>A stack trace in a response body.</summary>
    StackTrace,
}
