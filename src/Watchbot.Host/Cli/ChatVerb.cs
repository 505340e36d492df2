using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Host.Composition;
using Watchbot.Host.ConsoleChat;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot chat`: the console chat alone, line by line from standard input, until its end.</summary>
public static class ChatVerb
{
    public static Command Create()
    {
        var command = new Command("chat", "Talk to the bot in the terminal (commands from standard input, replies and deliveries to standard output)");
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Chat, async (host, token) =>
        {
            var session = host.Services.GetRequiredService<ConsoleChatSession>();
            await session.RunAsync(Console.In, Console.Out, prompt: !Console.IsInputRedirected, token).ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }
}
