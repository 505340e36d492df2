using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Host.ConsoleChat;

/// <summary>The console as a chat platform: delivered messages are printed to standard output, a digest's chart as the
/// path of its PNG file.</summary>
public sealed class ConsoleTransport : IChatTransport
{
    public const string PlatformName = "console";
    public static readonly ChatAddress LocalChat = new(PlatformName, "local");

    private readonly Lock gate = new();
    private TextWriter output = System.Console.Out;

    public string Platform => PlatformName;

    /// <summary>Where messages go; tests and the chat session point it elsewhere.</summary>
    public TextWriter Output
    {
        get => output;
        set => output = value;
    }

    public Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = PlainTextRenderer.Render(message);
        lock (gate)
        {
            var to = chat == LocalChat ? "" : $" to {chat.ChatId}";
            output.WriteLine($"--- {message.Kind.ToString().ToLowerInvariant()}{to} ---");
            output.WriteLine(text);
            if (message.Image is { } image)
            {
                output.WriteLine($"Chart: {image.Path}");
            }

            output.WriteLine();
            output.Flush();
        }

        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(null));
    }
}
