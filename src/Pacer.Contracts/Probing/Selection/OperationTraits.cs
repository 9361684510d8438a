using System.Text.RegularExpressions;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Selection;

/// <summary>
/// What an operation looks like it does, read from its method, path, tags and texts: destructive (DELETE), a data
/// reset (<c>/reset</c>, <c>/seed</c>, <c>/createdb</c>…), a login, a logout, a credential change, an admin-only
/// function, an operation on a user account. The probe orders and guards its traffic by these.
/// </summary>
public static partial class OperationTraits
{
    private static readonly string[] ResetWords = ["seed", "reseed", "drop", "purge", "wipe", "truncate", "flush", "nuke", "createdb", "initdb", "dropdb", "resetdb", "cleardb", "populate", "fixtures"];
    private static readonly string[] ResetWhenAlone = ["reset", "clear", "init", "initialize", "restore", "rebuild"];
    private static readonly string[] CredentialWords = ["password", "passwd", "pwd", "pin", "otp", "mfa", "2fa", "credential", "credentials"];
    private static readonly string[] AdminWords = ["admin", "admins", "administrator", "internal", "management", "manage", "backoffice", "staff", "superuser", "ops"];
    private static readonly string[] AccountCollections = ["user", "users", "account", "accounts", "member", "members", "profile", "profiles", "customer", "customers"];

    /// <summary>DELETE, or a route that resets, seeds or drops data.</summary>
    public static bool IsDestructive(ApiOperation operation) => operation.Method == HttpMethod.Delete || IsDataReset(operation);

    /// <summary>A route that resets, seeds or drops the data set (whatever its method): never called unless included.</summary>
    public static bool IsDataReset(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var words = Words(operation.Path).ToList();
        return words.Any(w => ResetWords.Contains(w))
            || (words.Any(w => ResetWhenAlone.Contains(w)) && !words.Any(w => CredentialWords.Contains(w) || w is "token" or "session"));
    }

    /// <summary>A logout, sign-out or session revocation: sending it with a user's token would end that user's session.</summary>
    public static bool EndsSession(ApiOperation operation) =>
        Words(operation.Path).Any(w => w is "logout" or "signout" or "revoke" or "logoff") || operation.Path.Contains("log-out", StringComparison.OrdinalIgnoreCase) || operation.Path.Contains("sign-out", StringComparison.OrdinalIgnoreCase);

    /// <summary>A login: a POST whose path says so (login, signin, token, session) and that takes a password.</summary>
    public static bool IsLogin(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var words = Words(operation.Path).ToList();
        return operation.Method == HttpMethod.Post
            && words.Any(w => w is "login" or "signin" or "token" or "session" or "sessions" or "authenticate")
            && !words.Any(w => w is "refresh" or "revoke")
            && TakesPassword(operation);
    }

    /// <summary>A password (or other credential) operation: change, reset, forgot.</summary>
    public static bool TouchesCredentials(ApiOperation operation) =>
        operation.Method != HttpMethod.Get && Words(operation.Path).Any(w => CredentialWords.Contains(w));

    /// <summary>The request body has a password-like field.</summary>
    public static bool TakesPassword(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.JsonRequestBody is { } body && BodyField.List(body.Media.Schema).Any(f => f.Path.Count == 1 && ProbeUser.IsPasswordName((string)f.Path[0]));
    }

    /// <summary>An admin-only function by its path, tags, summary or security scopes.</summary>
    public static bool IsAdminOnly(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var op = operation.Operation;
        return Words(operation.Path).Any(w => AdminWords.Contains(w))
            || (op.Tags?.Any(t => AdminWords.Contains((t.Name ?? "").ToLowerInvariant())) ?? false)
            || AdminText().IsMatch((op.Summary ?? "") + " " + (op.Description ?? ""))
            || (op.Security?.Any(r => r.Values.Any(scopes => scopes.Any(s => s.Contains("admin", StringComparison.OrdinalIgnoreCase)))) ?? false);
    }

    /// <summary>An operation on a user account named in the path: <c>/users/{username}/password</c>, <c>/accounts/{id}</c>.</summary>
    public static string? AccountParameter(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var segments = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{') && AccountCollections.Contains(segments[i - 1].ToLowerInvariant()))
            {
                return segments[i].Trim('{', '}');
            }
        }

        return null;
    }

    public static bool IsSafeMethod(ApiOperation operation) => operation.Method == HttpMethod.Get || operation.Method == HttpMethod.Head;

    /// <summary>A read expressed as a POST (search, query, filter, find, login): filters there select, they do not change.</summary>
    public static bool IsQueryLike(ApiOperation operation) =>
        IsSafeMethod(operation) || IsLogin(operation) || Words(operation.Path).Any(w => w is "search" or "query" or "find" or "filter" or "lookup" or "graphql");

    /// <summary>The lower-case words of a path's literal segments, split at '-', '_' and '.'.</summary>
    public static IEnumerable<string> Words(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{')))
        {
            var lower = segment.ToLowerInvariant();
            yield return lower;
            foreach (var word in lower.Split('-', '_', '.'))
            {
                if (word.Length > 0 && word != lower)
                {
                    yield return word;
                }
            }
        }
    }

    [GeneratedRegex(@"\b(admin|administrator|admins)\b( only| role| users?)?|\brequires? (the )?admin", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdminText();
}
