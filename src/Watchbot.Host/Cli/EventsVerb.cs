using System.CommandLine;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot events add|list|show|export`: the curated store from the command line.</summary>
public static class EventsVerb
{
    public static Command Create()
    {
        var command = new Command("events", "Add, list, show and export events");
        command.Subcommands.Add(EventsAddVerb.Create());
        command.Subcommands.Add(EventsListVerb.Create());
        command.Subcommands.Add(EventsShowVerb.Create());
        command.Subcommands.Add(EventsExportVerb.Create());
        return command;
    }
}
