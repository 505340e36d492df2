using Microsoft.Extensions.Hosting;
using Watchbot.Host.Jobs;

namespace Watchbot.Host.ConsoleChat;

/// <summary>In `run` mode without platform tokens: the console chat beside the jobs. It opens once the first ingest has
/// stored the sample articles (at most <see cref="FirstIngestBound"/> later), so the first command sees them. The end of
/// input ends the chat, not the bot.</summary>
public sealed class ConsoleChatService(ConsoleChatSession session, FirstIngest firstIngest) : BackgroundService
{
    public static readonly TimeSpan FirstIngestBound = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var ready = await firstIngest.WaitAsync(FirstIngestBound, stoppingToken).ConfigureAwait(false);
        await System.Console.Out.WriteLineAsync(ready
            ? "Watchbot is running. Type /help for the commands; Ctrl+C stops the bot."
            : "Watchbot is running; the first ingest is still reading its sources. Type /help for the commands; Ctrl+C stops the bot.").ConfigureAwait(false);
        await session.RunAsync(System.Console.In, System.Console.Out, prompt: !System.Console.IsInputRedirected, stoppingToken).ConfigureAwait(false);
    }
}
