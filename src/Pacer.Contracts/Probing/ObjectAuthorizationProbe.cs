using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// With two logged-in users: what the first creates (a secured POST answering 2xx with a Location
/// header or an <c>id</c> in the body), the second must not read, change or delete. The operations
/// tried are the secured ones under the creating path with the id as their first parameter
/// (<c>POST /notes</c> → <c>GET|PUT|PATCH|DELETE /notes/{id}</c>, <c>POST /notes/{id}/share</c>); a 2xx is a finding.
/// </summary>
public static class ObjectAuthorizationProbe
{
    public static async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Options.Tokens.Count < 2)
        {
            session.Notes.Add("object-level authorisation not checked: it needs two logins (--login twice)");
            return;
        }

        var owner = session.Options.Tokens[0];
        var other = session.Options.Tokens[1];
        foreach (var creator in operations.Where(o => o.Method == HttpMethod.Post && session.IsSecured(o)))
        {
            var targets = operations.Where(o => session.IsSecured(o) && IdParameter(creator.Path, o.Path) is not null).OrderBy(Rank).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var (_, created) = await session.SendAsync(creator, session.Draft(creator, owner), cancellationToken).ConfigureAwait(false);
            if (created is not { IsSuccess: true } || CreatedId(created) is not { } id)
            {
                continue;
            }

            foreach (var target in targets)
            {
                var parameter = IdParameter(creator.Path, target.Path)!;
                if (target.Method == HttpMethod.Get && !await OwnerCanReadAsync(session, target, owner, parameter, id, cancellationToken).ConfigureAwait(false))
                {
                    session.Notes.Add($"{target.Label}: the creator could not read what {creator.Label} created, so the second user's answer proves nothing");
                    continue;
                }

                var draft = session.Draft(target, other);
                draft.PathValues[parameter] = id;
                var (request, response) = await session.SendAsync(target, draft, cancellationToken).ConfigureAwait(false);
                if (response is { IsSuccess: true })
                {
                    session.Report(new ProbeFinding(FindingKind.ObjectAuthorization, FindingSeverity.Critical, target.Label,
                        $"a second user could {Verb(target.Method)} what the first created with {creator.Label}", "403 or 404", response.Describe(), request));
                }
            }
        }
    }

    /// <summary>The name of the parameter right after the creating path (<c>/notes</c> + <c>/{id}…</c> → <c>id</c>), or null.</summary>
    public static string? IdParameter(string creatorPath, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(creatorPath);
        ArgumentNullException.ThrowIfNull(targetPath);
        var prefix = creatorPath.TrimEnd('/') + "/{";
        if (!targetPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = targetPath.IndexOf('}', prefix.Length);
        return end < 0 ? null : targetPath[prefix.Length..end];
    }

    /// <summary>The new resource's id: the last segment of Location, else <c>id</c> (or <c>data.id</c>) in the body.</summary>
    public static string? CreatedId(ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Header("Location") is { Length: > 0 } location)
        {
            var path = location.Split('?')[0].TrimEnd('/');
            return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        }

        try
        {
            var body = JsonNode.Parse(response.Body) as JsonObject;
            var id = body?["id"] ?? (body?["data"] as JsonObject)?["id"];
            return id is JsonValue value ? RequestGenerator.ParameterText(value) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> OwnerCanReadAsync(ProbeSession session, ApiOperation target, string owner, string parameter, string id, CancellationToken cancellationToken)
    {
        var draft = session.Draft(target, owner);
        draft.PathValues[parameter] = id;
        var (_, response) = await session.SendAsync(target, draft, cancellationToken).ConfigureAwait(false);
        return response is { IsSuccess: true };
    }

    // Reads first, deletes last: a successful delete would hide every later check.
    private static int Rank(ApiOperation operation) => operation.Method.Method switch
    {
        "GET" => 0,
        "DELETE" => 2,
        _ => 1,
    };

    private static string Verb(HttpMethod method) => method.Method switch
    {
        "GET" => "read",
        "DELETE" => "delete",
        _ => "change",
    };
}
