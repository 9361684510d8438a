using System.CommandLine;
using Pacer.Hub.Client;

namespace Pacer.Cli.Commands.Hub;

/// <summary>
/// <c>pacer hub project create URL NAME [--slug SLUG]</c>: adds a project to a Hub as the logged-in user
/// (its owner), so the first <c>--hub URL --project SLUG</c> run has somewhere to land without the API by
/// hand. Token: <c>PACER_HUB_TOKEN</c> or the saved login. Exit 0 created (or already one of yours with
/// that slug), 1 refused (a slug taken by a project you cannot see, no session), 2 bad input.
/// </summary>
public static class HubProjectCommand
{
    public static Command Create(PacerContext context)
    {
        var url = new Argument<string>("url") { Description = "The Hub, e.g. http://127.0.0.1:5090" };
        var name = new Argument<string>("name") { Description = "The project's name, e.g. Shop" };
        var slug = new Option<string?>("--slug") { Description = "What --project names it by (default: from the name, with a random suffix)" };
        var create = new Command("create", "Add a project to a Pacer Hub; you become its owner") { url, name, slug };
        create.SetAction((parsed, cancellationToken) => CreateAsync(context, parsed.GetValue(url)!, parsed.GetValue(name)!, parsed.GetValue(slug), cancellationToken));
        return new Command("project", "Projects on a Pacer Hub") { create };
    }

    private static async Task<int> CreateAsync(PacerContext context, string url, string name, string? slug, CancellationToken cancellationToken)
    {
        if (!HubAddress.TryParse(url, out var hub, out var error))
        {
            await context.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var token = await HubCredentials.Default(context.Environment).TokenForAsync(hub!, null, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                await context.Error.WriteLineAsync($"error: not logged in to {hub}: run `pacer hub login {url} -u NAME` first (or set {HubCredentials.TokenVariable})").ConfigureAwait(false);
                return ExitCodes.TestFailed;
            }

            using var client = new HubClient(hub!, token);
            HubProject project;
            try
            {
                project = await client.CreateProjectAsync(name, slug, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"created project {project.Name} (slug {project.Slug})").ConfigureAwait(false);
            }
            catch (HubException taken) when (taken.Status == 409 && slug is not null)
            {
                // Run twice (a setup script, the README), the project one already has is not an error.
                project = await client.FindProjectAsync(slug, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"project {project.Name} (slug {project.Slug}) exists already; your role: {project.Role}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"runs land there with --hub {url} --project {project.Slug}").ConfigureAwait(false);
            return ExitCodes.Passed;
        }
        catch (HubException exception)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.TestFailed;
        }
    }
}
