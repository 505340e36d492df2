using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;

namespace Watchbot.Host.ConsoleChat;

/// <summary>
/// The local chat: reads commands line by line, prints each reply, then delivers whatever the command queued
/// for the console (a digest from /digest now). Works typed or piped; ends at the end of input.
/// </summary>
public sealed class ConsoleChatSession(
    CommandRouter router,
    DeliveryService delivery,
    ConsoleTransport transport,
    ILogger<ConsoleChatSession> logger)
{
    public static readonly CommandSender LocalUser = new(ConsoleTransport.PlatformName, "local", "you") { PrivateChat = ConsoleTransport.LocalChat };

    public async Task<int> RunAsync(TextReader input, TextWriter output, bool prompt, CancellationToken cancellationToken)
    {
        transport.Output = output;
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (prompt)
            {
                await output.WriteAsync("> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await HandleLineAsync(line, output, cancellationToken).ConfigureAwait(false);
            handled++;
        }

        return handled;
    }

    public async Task HandleLineAsync(string line, TextWriter output, CancellationToken cancellationToken)
    {
        var incoming = new IncomingCommand(ConsoleTransport.LocalChat, ChatKind.Private, LocalUser, IsChatAdmin: true, line) { Local = true };
        var reply = await router.HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (reply is not null)
        {
            await output.WriteLineAsync(PlainTextRenderer.Render(reply.Message)).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await delivery.DrainAsync(transport, cancellationToken, maxBatches: 100).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivering console messages failed; they stay queued");
        }
    }
}
