using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2, no rate limit or lockout on login and password operations: a bounded burst (at most 50, or
/// <c>--max-burst</c>) of wrong attempts — the first user's identity with wrong passwords on the login, a wrong current
/// password on a password change, guessed tokens on a password reset, the user's address on a reset request. A 429, a
/// 423, a Retry-After or a change of answer during the burst is a limit. Without one, the login is confirmed by the
/// right password still being accepted right after (no lockout); the other operations by one more attempt answering
/// like the burst. Operations with a documented limit are left to rate-limit.
/// </summary>
public sealed class LoginBruteForceCheck : IProbeCheck
{
    private const int Burst = 50;

    public string Name => "login-brute-force";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "up to 50 wrong logins or password attempts in a row: a finding when nothing limits them";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        var attempts = Math.Min(Burst, session.Options.MaxBurst);
        var owner = session.Owner;
        var login = LoginOperation.Find(operations, owner);
        var tried = 0;
        foreach (var operation in operations.Where(o => o == login || OperationTraits.TouchesCredentials(o)))
        {
            if (AttemptFor(session, operation, login) is not { } attempt)
            {
                continue;
            }

            // A documented limit is rate-limit's to test; a 429 seen earlier shows a limit exists.
            tried++;
            if (RateLimitCheck.DocumentedLimit(operation.Operation) is not null || session.SawRateLimit(operation))
            {
                continue;
            }

            var burst = new List<Exchange>();
            for (var i = 0; i < attempts; i++)
            {
                var exchange = await session.SendAsync(operation, attempt(), operation == login ? null : owner, Traffic.Attack, cancellationToken).ConfigureAwait(false);
                if (exchange is null)
                {
                    return;
                }

                burst.Add(exchange);
                if (Limited(exchange.Response) || exchange.Response.Status != burst[0].Response.Status)
                {
                    break;
                }
            }

            if (burst.Count < attempts || burst[0].Response.IsServerError)
            {
                continue;
            }

            var confirmation = operation == login && owner?.LoginBody is { } credentials
                ? await SendBodyAsync(session, operation, credentials, cancellationToken).ConfigureAwait(false)
                : await session.SendAsync(operation, attempt(), owner, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
            if (confirmation is null || Limited(confirmation.Response)
                || (operation == login ? !confirmation.Response.IsSuccess : confirmation.Response.Status != burst[0].Response.Status))
            {
                continue;
            }

            var what = operation == login ? "wrong passwords" : Describe(operation);
            session.Report(this.Finding(operation == login ? FindingSeverity.High : FindingSeverity.Medium, burst[^1],
                string.Create(CultureInfo.InvariantCulture, $"no rate limit or lockout: {attempts} {what} in a row"),
                "429 (or a lockout) well before that many attempts",
                string.Create(CultureInfo.InvariantCulture, $"{attempts} answers of {burst[0].Response.Describe()}, none limited"),
                new FindingConfirmation(operation == login
                    ? $"the right password right after was accepted: {confirmation.Response.Describe()} (no lockout)"
                    : $"one more attempt right after: {confirmation.Response.Describe()}", confirmation),
                "status == 429"));
        }

        if (tried == 0)
        {
            session.NotRun(Name, "no login (from a --login flow) or password operation without a documented limit to try");
        }
    }

    private static bool Limited(ProbeResponse response) =>
        response.Status is 429 or 423 || response.Header("Retry-After") is not null;

    private static string Describe(ApiOperation operation) =>
        OperationTraits.Words(operation.Path).Any(w => w is "forgot" or "recover") ? "reset requests for one address"
        : OperationTraits.Words(operation.Path).Contains("reset") ? "guessed reset tokens" : "wrong current passwords";

    /// <summary>A factory of one wrong attempt for the operation, or null when the probe cannot build one.</summary>
    private static Func<RequestDraft>? AttemptFor(ProbeSession session, ApiOperation operation, ApiOperation? login)
    {
        var owner = session.Owner;
        if (operation == login)
        {
            if (owner is not { LoginBody: { } body, PasswordField: { } password })
            {
                return null;
            }

            return () =>
            {
                var draft = session.Draft(operation, null);
                var wrong = (JsonObject)body.DeepClone();
                wrong[password] = "pacer-wrong-" + Guid.NewGuid().ToString("N")[..8];
                draft.Body = wrong;
                draft.ContentType ??= "application/json";
                return draft;
            };
        }

        if (operation.JsonRequestBody is not { } media || (session.IsSecured(operation) && owner is null))
        {
            return null;
        }

        // Only operations with something to guess (a current password, a reset token) or a reset request to flood.
        var forgot = OperationTraits.Words(operation.Path).Any(w => w is "forgot" or "recover");
        if (!forgot && !BodyField.List(media.Media.Schema).Any(f => f.Path.Count == 1 && IsGuessed((string)f.Path[0])))
        {
            return null;
        }

        var identity = owner?.Identity;
        return () =>
        {
            var draft = session.Draft(operation, session.IsSecured(operation) ? owner : null);
            if (draft.Body is JsonObject fields)
            {
                foreach (var (name, value) in fields.ToList())
                {
                    var lower = name.ToLowerInvariant();
                    if (IsGuessed(name))
                    {
                        fields[name] = "pacer-guess-" + Guid.NewGuid().ToString("N")[..8];
                    }
                    else if (identity is not null && (lower.Contains("email", StringComparison.Ordinal) || lower.Contains("login", StringComparison.Ordinal) || lower.Contains("user", StringComparison.Ordinal)))
                    {
                        fields[name] = identity;
                    }
                }
            }

            return draft;
        };
    }

    private static bool IsGuessed(string field)
    {
        var lower = field.ToLowerInvariant();
        return lower.Contains("current", StringComparison.Ordinal) || lower.Contains("old", StringComparison.Ordinal)
            || lower.Contains("token", StringComparison.Ordinal) || lower.Contains("code", StringComparison.Ordinal);
    }

    private static async Task<Exchange?> SendBodyAsync(ProbeSession session, ApiOperation operation, JsonObject body, CancellationToken cancellationToken)
    {
        var draft = session.Draft(operation, null);
        draft.Body = body.DeepClone();
        draft.ContentType ??= "application/json";
        return await session.SendAsync(operation, draft, null, Traffic.Confirmation, cancellationToken).ConfigureAwait(false);
    }
}
