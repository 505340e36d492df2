using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Watchbot.Discord.Interactions;
using Watchbot.Discord.Rest;

namespace Watchbot.Discord.Gateway;

/// <summary>The gateway as a hosted service: registers the slash commands if they changed, then keeps the gateway
/// connected until the host stops or a fatal close code stops the Discord transport. It never takes the host down.</summary>
public sealed class DiscordGatewayService(
    CommandRegistrar registrar,
    DiscordGatewayClient gateway,
    DiscordTransportState state,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            // Until READY, status says the gateway is not connected (not an earlier run's beat).
            await gateway.MarkNotConnectedAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await registrar.RegisterAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (DiscordApiException ex) when ((int)ex.Status == 401)
            {
                var reason = "registering the slash commands answered 401: the bot token is wrong or was reset; copy a new token from the Developer Portal (Bot page) into Watchbot__Discord__Token and restart";
                if (state.Stop(reason))
                {
                    logger.LogCritical("Discord transport stopped: {Reason}. The rest of Watchbot keeps running.", reason);
                }

                return;
            }
            catch (Exception ex) when (ex is DiscordApiException or DiscordTransientException)
            {
                logger.LogWarning("Could not register the Discord slash commands ({Reason}); will try again at the next start", ex.Message);
            }

            await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            state.Stop("an unexpected error: " + ex.Message);
            logger.LogCritical(ex, "Discord transport stopped after an unexpected error. The rest of Watchbot keeps running.");
        }
    }
}
