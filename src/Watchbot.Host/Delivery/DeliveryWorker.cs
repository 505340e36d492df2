using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Stores;
using Watchbot.Host.Configuration;
using Watchbot.Host.Jobs;
using Watchbot.Storage;

namespace Watchbot.Host.Delivery;

/// <summary>Drains the outbox of every configured platform, each on its own loop so one platform never blocks another.</summary>
public sealed class DeliveryWorker(
    IEnumerable<IChatTransport> transports,
    DeliveryService delivery,
    WatchbotOptions options,
    SqliteStore store,
    ILogger<DeliveryWorker> logger,
    Heartbeat? heartbeat = null,
    StoreSpace? space = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(transports.Select(t => DrainLoopAsync(t, stoppingToken)));

    private async Task DrainLoopAsync(IChatTransport transport, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Schedule.DeliveryInterval);
        do
        {
            try
            {
                if (heartbeat is not null)
                {
                    await heartbeat.BeatAsync(Heartbeat.Delivery(transport.Platform), stoppingToken).ConfigureAwait(false);
                }

                var result = await delivery.DrainAsync(transport, stoppingToken).ConfigureAwait(false);

                if (result.Sent + result.Failed + result.Retried > 0)
                {
                    logger.LogInformation("{Platform}: {Sent} sent, {Retried} to retry, {Failed} failed, {Gone} chats gone",
                        transport.Platform, result.Sent, result.Retried, result.Failed, result.ChatsGone);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JobFailure.Log(logger, store, ex, $"Delivery to {transport.Platform}", space);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
