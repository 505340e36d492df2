using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Watchbot.Telegram.Api;

namespace Watchbot.Telegram.Receiving;

/// <summary>Whether a user administers a group (getChatMember: creator or administrator), trusted for a short while.</summary>
public sealed class ChatAdminCache(BotApi api, TelegramOptions options, TimeProvider time, ILogger<ChatAdminCache> logger)
{
    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Until)> cache = new();

    public async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue((chatId, userId), out var known) && known.Until > now)
        {
            return known.IsAdmin;
        }

        try
        {
            var member = await api.CallAsync("getChatMember", (bot, ct) => bot.GetChatMember(chatId, userId, ct), cancellationToken).ConfigureAwait(false);
            if (cache.Count > 10_000)
            {
                cache.Clear();
            }

            cache[(chatId, userId)] = (member.IsAdmin, now + options.AdminCacheTime);
            return member.IsAdmin;
        }
        catch (TelegramApiException ex)
        {
            logger.LogWarning("Could not check whether user {User} administers chat {Chat}: {Error}; treating them as a member", userId, chatId, ex.Error);
            return false;
        }
    }
}
