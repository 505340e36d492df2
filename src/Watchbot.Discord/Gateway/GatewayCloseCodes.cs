namespace Watchbot.Discord.Gateway;

/// <summary>The gateway close codes that mean "stop": reconnecting cannot fix them, a person must.</summary>
public static class GatewayCloseCodes
{
    /// <summary>The cause and the fix of a fatal close code, in one sentence; null when the bot should reconnect.</summary>
    public static string? Fatal(int code) => code switch
    {
        4004 => "the gateway closed with 4004 (authentication failed): the bot token is wrong or was reset; copy a new token from the Developer Portal (Bot page) into Watchbot__Discord__Token and restart",
        4010 => "the gateway closed with 4010 (invalid shard): Watchbot:Discord:ShardId must be below ShardCount; fix them and restart",
        4011 => "the gateway closed with 4011 (sharding required): the bot is in too many servers for one connection; set Watchbot:Discord:ShardCount (and run one Watchbot per ShardId) and restart",
        4012 => "the gateway closed with 4012 (invalid API version): Watchbot:Discord:GatewayUrl points at a gateway that does not speak v10; remove the override and restart",
        4013 => "the gateway closed with 4013 (invalid intents): this build sent an intent value Discord rejects; report it as a bug",
        4014 => "the gateway closed with 4014 (disallowed intents): the application lacks an intent it asked for; check the Privileged Gateway Intents on the Developer Portal (Bot page) and restart",
        _ => null,
    };

    /// <summary>Close codes after which the session cannot be resumed: identify again.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;
}
