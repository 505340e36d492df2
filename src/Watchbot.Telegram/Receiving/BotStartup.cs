using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Watchbot.Core.Commands;
using Watchbot.Telegram.Api;

namespace Watchbot.Telegram.Receiving;

/// <summary>What both receivers do first: learn who the bot is (getMe, retried with back-off) and publish the command menu.</summary>
public sealed class BotStartup(BotApi api, BotIdentity identity, CommandRouter router, TimeProvider time, ILogger<BotStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        while (true)
        {
            try
            {
                var me = await api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), cancellationToken).ConfigureAwait(false);
                identity.Set(me);
                logger.LogInformation("Telegram: signed in as @{Username} ({Id})", me.Username, me.Id);
                break;
            }
            catch (TelegramApiException ex)
            {
                var wait = ex.Error.RetryAfter ?? backoff.Next();
                if (ex.Error.Kind == BotApiErrorKind.Unauthorized)
                {
                    logger.LogError("Telegram refused the bot token (401 Unauthorized); set Watchbot__Telegram__Token to the token from @BotFather. Trying again in {Seconds} s", wait.TotalSeconds);
                }
                else
                {
                    logger.LogWarning("Telegram getMe failed ({Error}); trying again in {Seconds} s", ex.Error, wait.TotalSeconds);
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }

        await CommandMenu.PublishAsync(api, router.Commands, logger, cancellationToken).ConfigureAwait(false);
    }
}
