using System.CommandLine;
using Pacer.Hub.Client;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// <c>pacer hub login URL --username NAME [--password-stdin]</c>: signs in and saves the session (a
/// refresh token, never the password) for later <c>--hub URL</c> runs and <c>pacer hub push</c>. The
/// password comes from standard input with <c>--password-stdin</c>, else from <c>PACER_HUB_PASSWORD</c>,
/// never from the command line (it would land in shell history). CI uses an API token in
/// <c>PACER_HUB_TOKEN</c> instead and needs no login. Exit 0 logged in, 1 refused, 2 bad input.
/// </summary>
public static class HubLoginCommand
{
    public const string PasswordVariable = "PACER_HUB_PASSWORD";

    public static Command Create(PacerContext context)
    {
        var url = new Argument<string>("url") { Description = "The Hub, e.g. http://127.0.0.1:5090" };
        var username = new Option<string>("--username", "-u") { Description = "Your Hub username", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password from standard input (else {PasswordVariable})" };
        var command = new Command("login", "Log in to a Pacer Hub and keep the session for --hub and pacer hub push") { url, username, passwordStdin };
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, parsed.GetValue(url)!, parsed.GetValue(username)!, parsed.GetValue(passwordStdin), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, string url, string username, bool passwordStdin, CancellationToken cancellationToken)
    {
        if (!HubAddress.TryParse(url, out var hub, out var error))
        {
            await context.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var password = passwordStdin ? (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r', '\n') : context.Environment(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await context.Error.WriteLineAsync($"error: no password: pipe it with --password-stdin or set {PasswordVariable}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var tokens = await HubClient.LoginAsync(hub!, username, password, cancellationToken).ConfigureAwait(false);
            var credentials = HubCredentials.Default(context.Environment);
            credentials.Save(hub!, tokens);
            await context.Out.WriteLineAsync($"logged in to {hub} as {tokens.User.Username}; session saved in {credentials.Path}").ConfigureAwait(false);
            return ExitCodes.Passed;
        }
        catch (HubException exception)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.TestFailed;
        }
    }
}
