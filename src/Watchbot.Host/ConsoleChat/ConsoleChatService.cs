using Microsoft.Extensions.Hosting;

namespace Watchbot.Host.ConsoleChat;

/// <summary>In `run` mode without platform tokens: the console chat beside the jobs. The end of input ends the chat, not the bot.</summary>
public sealed class ConsoleChatService(ConsoleChatSession session) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await System.Console.Out.WriteLineAsync("Watchbot is running. Type /help for the commands; Ctrl+C stops the bot.").ConfigureAwait(false);
        await session.RunAsync(System.Console.In, System.Console.Out, prompt: !System.Console.IsInputRedirected, stoppingToken).ConfigureAwait(false);
    }
}
