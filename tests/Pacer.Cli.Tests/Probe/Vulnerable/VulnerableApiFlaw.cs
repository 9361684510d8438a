namespace Pacer.Cli.Tests.Probe.Vulnerable;

/// <summary>
/// The flaws <see cref="VulnerableApi"/> can be started with, one per kind the probe looks for; each comment names the
/// check that must find it and where. Without a flaw the same endpoint behaves correctly.
/// </summary>
internal enum VulnerableApiFlaw
{
    /// <summary>object-level-authorization: GET /books/{title} returns any user's book (secret included).</summary>
    ObjectLevelAuthorization,

    /// <summary>weak-jwt-secret: tokens are signed with "supersecret".</summary>
    WeakJwtSecret,

    /// <summary>alg-none-token: a token with alg none and no signature is accepted.</summary>
    AlgNoneToken,

    /// <summary>expired-token: the exp claim is not checked.</summary>
    ExpiredToken,

    /// <summary>logged-out-token: POST /logout does not revoke the token.</summary>
    LoggedOutToken,

    /// <summary>missing-token: POST /tools/ping, documented as secured, needs no token.</summary>
    MissingToken,

    /// <summary>login-brute-force: no lockout after wrong passwords (fixed: 40 failures a minute per user name, then 429).</summary>
    LoginBruteForce,

    /// <summary>user-enumeration: an unknown user name gets 404 "no such user", a wrong password 401.</summary>
    UserEnumeration,

    /// <summary>user-enumeration (timing): an unknown user name is refused without hashing, a wrong password after a slow hash.</summary>
    UserEnumerationByTiming,

    /// <summary>sensitive-data-exposure: GET /users/me carries the password hash.</summary>
    SensitiveDataExposure,

    /// <summary>other-users-data: GET /products shows each product's seller with their e-mail address.</summary>
    OtherUsersData,

    /// <summary>undocumented-properties: GET /books/{title} carries internalNotes, which the document does not list.</summary>
    UndocumentedProperty,

    /// <summary>mass-assignment: PUT /users/me takes a role.</summary>
    MassAssignment,

    /// <summary>redos: PUT /users/{username}/email checks the address with a backtracking pattern.</summary>
    ReDoS,

    /// <summary>unbounded-page-size: GET /products honours any limit (fixed: at most 100, as documented).</summary>
    UnboundedPageSize,

    /// <summary>oversized-body: no request body limit (fixed: 64 KiB, 413 beyond).</summary>
    OversizedBody,

    /// <summary>rate-limit: POST /password/forgot documents 5 requests a window and never answers 429.</summary>
    RateLimit,

    /// <summary>admin-operations: GET /admin/users answers any logged-in user.</summary>
    AdminOperations,

    /// <summary>other-user-account: PUT /users/{username}/password changes anyone's password.</summary>
    OtherUserAccount,

    /// <summary>sql-injection-boolean: GET /books/{title} puts the title into its SQL as text.</summary>
    SqlInjectionBoolean,

    /// <summary>sql-injection-error: GET /products records q with SQL built from text, and answers the database's error.</summary>
    SqlInjectionError,

    /// <summary>sql-injection-time: GET /products looks the X-Region header up with SQL built from text (errors swallowed, nothing shown).</summary>
    SqlInjectionTime,

    /// <summary>nosql-injection: POST /books/search takes {"$ne": …} style operators where a title belongs.</summary>
    NoSqlInjection,

    /// <summary>command-injection: POST /tools/ping passes host to a shell.</summary>
    CommandInjection,

    /// <summary>markup-injection: GET /search writes q into HTML unescaped.</summary>
    MarkupInjection,

    /// <summary>security-headers: no X-Content-Type-Options.</summary>
    SecurityHeaders,

    /// <summary>cors: any Origin is reflected with credentials allowed.</summary>
    Cors,

    /// <summary>stack-trace: an unhandled exception is answered with its stack trace.</summary>
    StackTrace,

    /// <summary>verbose-errors: X-Powered-By names the software and its version.</summary>
    VerboseErrors,

    /// <summary>malformed-input: invalid JSON on POST /books throws (500).</summary>
    MalformedInputCrash,

    /// <summary>boundary-values: POST /books fails at priority 5, the documented maximum.</summary>
    BoundaryCrash,
}
