using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Sends one piece of input the API must survive and judges the answer: an undocumented 5xx (or no answer) is a
/// finding once the same request fails again while the operation's valid request did not; input the document
/// forbids that is accepted with a 2xx is a note (which of document and API is wrong is for a person to decide).
/// </summary>
internal static class RobustnessProbe
{
    /// <summary>False once the request budget is spent.</summary>
    public static async Task<bool> SendAsync(IProbeCheck check, ProbeSession session, ApiOperation operation, string what, RequestDraft draft, bool mustReject, CancellationToken cancellationToken)
    {
        var exchange = await session.SendAsync(operation, draft, session.Owner, Traffic.Attack, cancellationToken).ConfigureAwait(false);
        if (exchange is null)
        {
            return false;
        }

        var response = exchange.Response;
        if (ProbeSession.IsUndocumentedServerError(operation, response))
        {
            var baseline = session.Baseline(operation, session.IsSecured(operation) ? session.Owner : null);
            if (baseline is not null && ProbeSession.IsUndocumentedServerError(operation, baseline.Response))
            {
                return true; // the valid request fails too: server-error reports that cause once
            }

            if (await session.ResendAsync(exchange, cancellationToken).ConfigureAwait(false) is { } again && ProbeSession.IsUndocumentedServerError(operation, again.Response))
            {
                var control = baseline is null ? "" : $"; the valid request answered {baseline.Response.Describe()}";
                session.Report(check.Finding(FindingSeverity.High, exchange, $"server error on {what}", mustReject ? "4xx" : "2xx or 4xx", response.Describe(),
                    new FindingConfirmation($"the same request again: {again.Response.Describe()}{control}", again), "status < 500"));
            }
        }
        else if (mustReject && response.IsSuccess)
        {
            session.Note(check.Name, $"{operation.Label} accepted {what} ({response.Describe()}); the document says this input is invalid");
        }

        return true;
    }
}
