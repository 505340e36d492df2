using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Stores;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Interactions;

/// <summary>Registers the slash commands by bulk overwrite (globally, or to the dev guild), only when they changed
/// since the last registration: a hash of what was sent is kept as a cursor.</summary>
public sealed class CommandRegistrar(
    CommandRouter router,
    DiscordRestClient rest,
    ICursorStore cursors,
    DiscordOptions options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger)
{
    public string CursorName => $"discord:commands:{options.ApplicationId}:{options.DevGuildId ?? "global"}";

    /// <summary>Returns true when the commands were sent, false when Discord already had them.</summary>
    public async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var commands = CommandCatalog.Build(router.Commands);
        var hash = Hash(commands);
        var stored = await cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false);
        if (stored.Value == hash)
        {
            logger.LogInformation("Discord slash commands unchanged ({Count}); not registering again", commands.Count);
            return false;
        }

        await rest.SendAsync(new BulkOverwriteCommandsRequest(options.ApplicationId!, options.DevGuildId, commands), cancellationToken).ConfigureAwait(false);
        await cursors.SetAsync(CursorName, hash, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Registered {Count} Discord slash commands {Where}", commands.Count,
            options.DevGuildId is null ? "globally (may take up to an hour to show)" : $"to guild {options.DevGuildId}");
        return true;
    }

    public static long Hash(List<ApplicationCommand> commands)
    {
        var bytes = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.ListApplicationCommand));
        return BitConverter.ToInt64(bytes, 0) & long.MaxValue;
    }
}
