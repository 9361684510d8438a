using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Contracts.Probing.Harvest;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Field names that hold secrets — passwords and their hashes, salts, API and private keys, client secrets, card
/// numbers and codes, one-time and reset tokens — and session tokens, which only a login, refresh or registration
/// should hand out. Masked values (<c>****1234</c>, <c>[REDACTED]</c>) and empty ones do not count.
/// </summary>
public static partial class SensitiveFields
{
    private static readonly string[] Secrets =
    [
        "password", "passwd", "pwd", "passwordhash", "hash", "hashedpassword", "salt", "passwordsalt", "clientsecret", "apisecret",
        "apikey", "privatekey", "secretkey", "signingkey", "ssn", "socialsecuritynumber", "cardnumber", "creditcard", "creditcardnumber", "pan",
        "cvv", "cvc", "cvv2", "otp", "totpsecret", "mfasecret", "twofactorsecret", "resettoken", "passwordresettoken", "verificationtoken",
        "recoverycode", "recoverycodes", "securityanswer", "pin",
    ];

    private static readonly string[] SessionTokens = ["token", "accesstoken", "refreshtoken", "idtoken", "jwt", "sessionid", "sessiontoken", "apitoken", "bearer"];

    /// <summary>Sensitive fields with real values in a JSON body: (JSON path, field name, whether it is a session token).</summary>
    public static IEnumerable<(string Path, string Field, bool SessionToken)> In(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonNode? root;
        try
        {
            root = body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? Validation.StrictJson.Parse(body) : null;
        }
        catch (JsonException)
        {
            yield break;
        }

        foreach (var found in Walk(root, "", 0))
        {
            yield return found;
        }
    }

    public static bool IsSecretName(string name) => Secrets.Contains(Resources.Normalize(name)) || Resources.Normalize(name).EndsWith("passwordhash", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string Field, bool SessionToken)> Walk(JsonNode? node, string path, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        if (node is JsonArray array)
        {
            foreach (var found in array.Take(20).SelectMany((item, i) => Walk(item, $"{path}[{i}]", depth + 1)))
            {
                yield return found;
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                var here = path.Length == 0 ? key : $"{path}.{key}";
                var name = Resources.Normalize(key);
                if (value is JsonValue scalar && HasRealValue(scalar))
                {
                    if (IsSecretName(key))
                    {
                        yield return (here, key, false);
                    }
                    else if (SessionTokens.Contains(name))
                    {
                        yield return (here, key, true);
                    }
                }
                else if (value is not JsonValue)
                {
                    foreach (var found in Walk(value, here, depth + 1))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private static bool HasRealValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } text && !Masked().IsMatch(text),
        JsonValueKind.Number => true,
        _ => false,
    };

    [GeneratedRegex(@"^([*•xX#]{3,}.{0,4}|\[?(redacted|hidden|masked|removed)\]?|null)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Masked();
}
