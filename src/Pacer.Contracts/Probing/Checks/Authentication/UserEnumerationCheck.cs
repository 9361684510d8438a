using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// API2, user enumeration: the login (the one the first user's login flow called) with that user's identity and a
/// wrong password, against an identity nobody has with the same wrong password. Their status or body differing
/// (ids and timestamps aside) is a finding when a second pair differs the same way; when they match, five interleaved
/// pairs are timed, and a median difference over 25 ms (and over half the faster median) must show again in five more.
/// A password-reset request (<c>forgot</c>) is compared the same way on status and body.
/// </summary>
public sealed class UserEnumerationCheck : IProbeCheck
{
    private const int Pairs = 5;
    private static readonly TimeSpan TimingGap = TimeSpan.FromMilliseconds(25);

    public string Name => "user-enumeration";

    public OwaspCategory Category => OwaspCategory.Authentication;

    public string Description => "login (and password reset) for a real user against an unknown one: a finding when status, body or timing tell them apart, twice";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        if (session.Phase != ProbePhase.Regular)
        {
            return; // once per run, on the regular operations
        }

        if (session.Owner is not { Identity: { } identity, IdentityField: { } identityField, PasswordField: { } passwordField } owner)
        {
            session.NotRun(Name, "it needs a login flow (--login) whose JSON body has an identity and a password field");
            return;
        }

        var unknown = identity.Contains('@', StringComparison.Ordinal) ? $"pacer-nobody-{Guid.NewGuid():N}"[..22] + "@example.com" : $"pacer-nobody-{Guid.NewGuid():N}"[..22];
        var wrong = "pacer-wrong-" + Guid.NewGuid().ToString("N")[..10];
        if (LoginOperation.Find(operations, owner) is { } login)
        {
            JsonObject Body(string who)
            {
                var body = (JsonObject)owner.LoginBody!.DeepClone();
                body[identityField] = who;
                body[passwordField] = wrong;
                return body;
            }

            if (await CompareAsync(session, login, Body(identity), Body(unknown), identity, unknown, "login", cancellationToken).ConfigureAwait(false) is false)
            {
                await CompareTimingAsync(session, login, Body(identity), Body(unknown), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            session.Note(Name, "login not checked: no operation looks like the login the flow called");
        }

        foreach (var forgot in operations.Where(o => o.Method == HttpMethod.Post && OperationTraits.Words(o.Path).Any(w => w is "forgot" or "recover" or "forgotten")))
        {
            var field = forgot.JsonRequestBody is { } media ? BodyField.List(media.Media.Schema).FirstOrDefault(f => f.Path.Count == 1 && SchemaTypes.IsString(f.Schema)) : null;
            if (field is null)
            {
                continue;
            }

            var key = (string)field.Path[0];
            await CompareAsync(session, forgot, new JsonObject { [key] = identity }, new JsonObject { [key] = unknown }, identity, unknown, "password reset request", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when a finding was reported, false when the answers matched, null when the check had to stop.</summary>
    private async Task<bool?> CompareAsync(ProbeSession session, ApiOperation operation, JsonObject known, JsonObject stranger, string identity, string unknown, string what, CancellationToken cancellationToken)
    {
        var first = await PairAsync(session, operation, known, stranger, cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return null;
        }

        var (k, u) = first.Value;
        if (ResponseSimilarity.Same(k.Response, u.Response, identity, unknown))
        {
            return false;
        }

        var second = await PairAsync(session, operation, known, stranger, cancellationToken).ConfigureAwait(false);
        if (second is not { } again || !ResponseSimilarity.Same(again.Known.Response, k.Response) || !ResponseSimilarity.Same(again.Unknown.Response, u.Response)
            || ResponseSimilarity.Same(again.Known.Response, again.Unknown.Response, identity, unknown))
        {
            return null;
        }

        session.Report(this.Finding(FindingSeverity.Medium, u, $"the {what} tells an unknown user from a wrong password",
            "the same answer for both", $"real user: {Excerpt.Of(k.Response)}; unknown user: {Excerpt.Of(u.Response)}",
            new FindingConfirmation($"a second pair answered the same way: {again.Known.Response.Describe()} and {again.Unknown.Response.Describe()}", again.Unknown),
            CheckFindings.StatusIn(k.Response.Status)));
        return true;
    }

    private async Task CompareTimingAsync(ProbeSession session, ApiOperation operation, JsonObject known, JsonObject stranger, CancellationToken cancellationToken)
    {
        var first = await TimeAsync(session, operation, known, stranger, cancellationToken).ConfigureAwait(false);
        if (first is not { } round || !Differs(round))
        {
            return;
        }

        var second = await TimeAsync(session, operation, known, stranger, cancellationToken).ConfigureAwait(false);
        if (second is not { } again || !Differs(again))
        {
            return;
        }

        session.Report(this.Finding(FindingSeverity.Medium, round.Example, "the login takes longer for a real user than for an unknown one",
            "the same time for both (hash a dummy password for unknown users)",
            string.Create(CultureInfo.InvariantCulture, $"median {round.Known.TotalMilliseconds:F0} ms for the real user, {round.Unknown.TotalMilliseconds:F0} ms for an unknown one ({Pairs} pairs)"),
            new FindingConfirmation(string.Create(CultureInfo.InvariantCulture, $"{Pairs} more pairs: {again.Known.TotalMilliseconds:F0} ms against {again.Unknown.TotalMilliseconds:F0} ms"), again.Example)));
    }

    private static bool Differs((TimeSpan Known, TimeSpan Unknown, Exchange Example) round) =>
        round.Known - round.Unknown > TimingGap && round.Known.TotalMilliseconds > 1.5 * round.Unknown.TotalMilliseconds;

    private async Task<(TimeSpan Known, TimeSpan Unknown, Exchange Example)?> TimeAsync(ProbeSession session, ApiOperation operation, JsonObject known, JsonObject stranger, CancellationToken cancellationToken)
    {
        var knownTimes = new List<TimeSpan>();
        var unknownTimes = new List<TimeSpan>();
        Exchange? example = null;
        for (var i = 0; i < Pairs; i++)
        {
            if (await PairAsync(session, operation, known, stranger, cancellationToken).ConfigureAwait(false) is not { } pair)
            {
                return null;
            }

            knownTimes.Add(pair.Known.Response.Elapsed);
            unknownTimes.Add(pair.Unknown.Response.Elapsed);
            example ??= pair.Known;
        }

        return (Median(knownTimes), Median(unknownTimes), example!);
    }

    /// <summary>The real user's request and the unknown one's, in alternating order; null when rate-limited or out of budget.</summary>
    private async Task<(Exchange Known, Exchange Unknown)?> PairAsync(ProbeSession session, ApiOperation operation, JsonObject known, JsonObject stranger, CancellationToken cancellationToken)
    {
        var k = await SendAsync(session, operation, known, cancellationToken).ConfigureAwait(false);
        var u = k is null ? null : await SendAsync(session, operation, stranger, cancellationToken).ConfigureAwait(false);
        if (k is null || u is null)
        {
            return null;
        }

        if (k.Response.Status == 429 || u.Response.Status == 429)
        {
            session.Note(Name, $"{operation.Label} answered 429 (rate-limited) before the comparison finished; not judged");
            return null;
        }

        return (k, u);
    }

    private static async Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, JsonObject body, CancellationToken cancellationToken)
    {
        var draft = session.Draft(operation, null);
        draft.Body = body.DeepClone();
        draft.ContentType ??= "application/json";
        return await session.SendAsync(operation, draft, null, Traffic.Attack, cancellationToken).ConfigureAwait(false);
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
