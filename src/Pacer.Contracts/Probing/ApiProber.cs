using System.Net;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;

namespace Pacer.Contracts.Probing;

/// <summary>
/// Runs every probe over every operation of a document, one kind of check at a time across all
/// operations (so a tight request budget still touches each kind): baseline, authentication,
/// object-level authorisation, malformed input, boundary values, injection, and rate-limit bursts
/// last, so a limit they trip does not colour the rest.
/// </summary>
public static class ApiProber
{
    public static async Task<ProbeReport> RunAsync(OpenApiSpec spec, ProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        RequireLoopback(options.BaseUrl);
        using var client = new ProbeClient(options);
        var session = new ProbeSession(spec, options, client);
        var operations = OperationCatalog.List(spec);
        if (options.Tokens.Count == 0 && operations.Any(session.IsSecured))
        {
            session.Notes.Add("no login given: secured operations were probed without a token, and expired, re-signed and alg:none tokens were not tried");
        }

        Func<ProbeSession, ApiOperation, CancellationToken, Task>[] perOperation =
        [
            BaselineProbe.RunAsync,
            AuthenticationProbe.RunAsync,
        ];
        Func<ProbeSession, ApiOperation, CancellationToken, Task>[] afterOwnership =
        [
            MalformedInputProbe.RunAsync,
            BoundaryValueProbe.RunAsync,
            InjectionProbe.RunAsync,
            RateLimitProbe.RunAsync,
        ];

        foreach (var probe in perOperation)
        {
            await ForEachAsync(session, operations, probe, cancellationToken).ConfigureAwait(false);
        }

        await ObjectAuthorizationProbe.RunAsync(session, operations, cancellationToken).ConfigureAwait(false);
        foreach (var probe in afterOwnership)
        {
            await ForEachAsync(session, operations, probe, cancellationToken).ConfigureAwait(false);
        }

        if (client.Exhausted)
        {
            session.Notes.Add($"the request budget ({options.MaxRequests}, --max-requests) ran out: later checks did not run");
        }

        var ordered = session.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Kind).ToList();
        return new ProbeReport(spec.Source, options.BaseUrl.ToString(), ordered, client.Sent, operations.Count, session.Notes);
    }

    /// <summary>Probes send hostile input: they only ever go to this machine.</summary>
    public static void RequireLoopback(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var host = baseUrl.IdnHost.Trim('[', ']');
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https") || !loopback)
        {
            throw new ProbeInputException($"--base-url {baseUrl}: probes only target loopback (127.0.0.1, ::1, localhost)");
        }
    }

    private static async Task ForEachAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, Func<ProbeSession, ApiOperation, CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            if (session.Client.Exhausted)
            {
                return;
            }

            await probe(session, operation, cancellationToken).ConfigureAwait(false);
        }
    }
}
