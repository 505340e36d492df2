using Watchbot.Core.Messages;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Telegram.Api;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Watchbot.Telegram.Receiving;

/// <summary>The "/" menu (setMyCommands): member commands for everyone, and the chat-admin commands as well for
/// private chats (where the person is the admin) and for group administrators. Curator and owner commands stay
/// out of the menu.</summary>
public static partial class CommandMenu
{
    public static IReadOnlyList<BotCommand> For(IEnumerable<CommandSpec> commands, bool withAdmin) =>
        commands
            .Where(c => c.Access == CommandAccess.Anyone || (withAdmin && c.Access == CommandAccess.ChatAdmin))
            .Where(c => NamePattern().IsMatch(c.Name))
            .Select(c => new BotCommand { Command = c.Name, Description = Describe(c.Summary) })
            .Take(100)
            .ToList();

    public static async Task PublishAsync(BotApi api, IReadOnlyList<CommandSpec> commands, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await SetAsync(api, For(commands, withAdmin: false), BotCommandScope.Default(), cancellationToken).ConfigureAwait(false);
            await SetAsync(api, For(commands, withAdmin: true), BotCommandScope.AllPrivateChats(), cancellationToken).ConfigureAwait(false);
            await SetAsync(api, For(commands, withAdmin: true), BotCommandScope.AllChatAdministrators(), cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException ex)
        {
            logger.LogWarning("Could not set the Telegram command menu: {Error}; commands still work when typed", ex.Error);
        }
    }

    private static Task<bool> SetAsync(BotApi api, IReadOnlyList<BotCommand> commands, BotCommandScope scope, CancellationToken cancellationToken) =>
        api.CallAsync("setMyCommands", async (bot, ct) =>
        {
            await bot.SetMyCommands(commands, scope, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static string Describe(string summary)
    {
        var text = string.IsNullOrWhiteSpace(summary) ? "Watchbot command" : summary.Trim();
        return SafeText.Clip(text, 256);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex NamePattern();
}
