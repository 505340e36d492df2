using System.Collections.Concurrent;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Sending;

/// <summary>The DM channel of each user the bot writes to, opened once with POST /users/@me/channels.</summary>
public sealed class DmChannelCache(DiscordRestClient rest)
{
    private readonly ConcurrentDictionary<string, string> channels = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string userId, CancellationToken cancellationToken)
    {
        if (channels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var channel = await rest.SendAsync(new CreateDmRequest(userId), cancellationToken).ConfigureAwait(false);
        channels[userId] = channel.Id;
        return channel.Id;
    }
}
