using System.CommandLine;
using Pacer.Hub.Client;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// <c>pacer hub push [--hub URL]</c>: sends the results kept in <c>.pacer/hub-outbox/</c> (runs whose
/// upload failed), oldest first, each to the Hub and project it was meant for (or all to <c>--hub</c>),
/// and removes each once the Hub accepted it. Token: <c>PACER_HUB_TOKEN</c> or the saved login.
/// Exit 0 when nothing is left to send, 1 when some result is still kept.
/// </summary>
public static class HubPushCommand
{
    public static Command Create(PacerContext context)
    {
        var hubOption = new Option<string?>("--hub") { Description = "Send every kept result to this Hub instead of the one it was meant for" };
        var command = new Command("push", "Send results kept in .pacer/hub-outbox/ to the Hub") { hubOption };
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, parsed.GetValue(hubOption), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, string? hub, CancellationToken cancellationToken)
    {
        Uri? destination = null;
        if (hub is not null && !HubAddress.TryParse(hub, out destination, out var error))
        {
            await context.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var outbox = HubOutbox.In(context.CurrentDirectory);
        if (outbox.Pending().Count == 0)
        {
            await context.Out.WriteLineAsync($"nothing to push: {HubOutbox.DefaultFolder}/ is empty").ConfigureAwait(false);
            return ExitCodes.Passed;
        }

        var credentials = HubCredentials.Default(context.Environment);
        var report = await outbox.PushAsync(async url =>
        {
            var address = new Uri(url);
            string? token;
            try
            {
                token = await credentials.TokenForAsync(address, null, cancellationToken).ConfigureAwait(false);
            }
            catch (HubException exception)
            {
                throw new HubException(exception.Status, $"{exception.Message} (log in again with `pacer hub login {url} -u NAME`)");
            }

            return new HubClient(address, token);
        }, context.Out, cancellationToken, destination?.AbsoluteUri).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"pushed {report.Sent}, refused {report.Refused}, still kept {report.Remaining}").ConfigureAwait(false);
        return report.Refused + report.Remaining == 0 ? ExitCodes.Passed : ExitCodes.TestFailed;
    }
}
