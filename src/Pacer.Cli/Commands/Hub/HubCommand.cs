using System.CommandLine;

namespace Pacer.Cli.Commands.Hub;

/// <summary><c>pacer hub login|project|push</c>: the CLI's side of Pacer Hub (docs/hub.md).</summary>
public static class HubCommand
{
    public static Command Create(PacerContext context)
    {
        var command = new Command("hub", "Pacer Hub: log in, add a project, and push results kept while the Hub could not be reached");
        command.Subcommands.Add(HubLoginCommand.Create(context));
        command.Subcommands.Add(HubProjectCommand.Create(context));
        command.Subcommands.Add(HubPushCommand.Create(context));
        return command;
    }
}
