using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Watchbot.Core.Stores;
using Watchbot.Telegram.Api;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// Long polling, our own loop over getUpdates (not the library's receiver, which keeps the offset in memory): a server-side timeout (the HTTP timeout is longer).
/// Each chat's updates are handled in order, different chats at once (<see cref="ChatLanes"/>). The offset lives in
/// the cursor store and moves past an update only once it and every update before it were handled, so a restart never
/// skips a command; it repeats at most the updates of other chats answered while an earlier one was still under way. 409 (another poller, or a webhook) is logged and retried with back-off.
/// </summary>
public sealed class PollingReceiver(
    BotApi api,
    BotStartup startup,
    UpdateHandler handler,
    ICursorStore cursors,
    TelegramOptions options,
    TimeProvider time,
    ILogger<PollingReceiver> logger,
    Heartbeat? heartbeat = null) : BackgroundService
{
    public const string CursorName = "telegram.offset";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.RunAsync(stoppingToken).ConfigureAwait(false);
            await DropWebhookAsync(stoppingToken).ConfigureAwait(false);
            await PollUntilStoppedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>A store error while polling (reading the offset, say, while another program holds the database) is
    /// logged and polling starts again from the stored offset after a back-off. Anything else is a bug: it escapes and
    /// the host stops with a non-zero exit code.</summary>
    private async Task PollUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (StoreRetry.IsStoreError(ex) && !stoppingToken.IsCancellationRequested)
            {
                var wait = backoff.Next();
                logger.LogWarning("Telegram polling could not use the database ({Error}); polling again in {Seconds} s from the stored offset", ex.Message, wait.TotalSeconds);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var stored = await cursors.GetAsync(CursorName, stoppingToken).ConfigureAwait(false);
        long? saved = stored.Value > 0 ? stored.Value : null;
        logger.LogInformation("Telegram: long polling from offset {Offset}", saved?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)");
        var lanes = new ChatLanes(update => HandleOneAsync(update, stoppingToken));
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                saved = await SaveProgressAsync(lanes, saved, stoppingToken).ConfigureAwait(false);
                Update[] updates;
                try
                {
                    // From the first update not yet handled: Telegram forgets what lies below the offset it is given,
                    // so an update still waiting for its chat is asked for again (and recognised) rather than confirmed.
                    var from = (int?)(lanes.Watermark ?? saved);
                    var wait = lanes.Busy ? 0 : options.PollTimeoutSeconds;
                    updates = await api.CallAsync("getUpdates", (bot, ct) => bot.GetUpdates(from, 100, wait, UpdateHandler.Wanted, ct),
                        stoppingToken, TimeSpan.FromSeconds(wait) + options.RequestTimeout).ConfigureAwait(false);
                    backoff.Reset();
                    if (heartbeat is not null)
                    {
                        await heartbeat.BeatAsync(Heartbeat.TelegramPolling, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (TelegramApiException ex)
                {
                    await WaitAfterAsync(ex.Error, backoff, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var fresh = updates.OrderBy(u => u.Id).Where(u => saved is not { } o || u.Id >= o).Count(lanes.Dispatch);
                if (fresh == 0 && lanes.Busy)
                {
                    await lanes.WaitForProgressAsync(BusyPollEvery, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Stopping (or a store error): what is under way finishes within its stop grace, and is recorded.
            await lanes.DrainAsync().ConfigureAwait(false);
            if (lanes.Watermark is { } last && last != saved)
            {
                await SaveOffsetAsync(last, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How often to look for new updates while some are still being handled (the long poll would return at
    /// once with the unconfirmed ones).</summary>
    private static readonly TimeSpan BusyPollEvery = TimeSpan.FromMilliseconds(300);

    private async Task<long?> SaveProgressAsync(ChatLanes lanes, long? saved, CancellationToken stoppingToken)
    {
        if (lanes.Watermark is { } next && next != saved)
        {
            await SaveOffsetAsync(next, stoppingToken).ConfigureAwait(false);
            return next;
        }

        return saved;
    }

    /// <summary>Records an update as handled. The write itself is not cancellable, and a store error (the database
    /// locked longer than its busy timeout, the disk full) is retried until it succeeds: the update is neither
    /// skipped nor handled twice. A stop request gives the retries <see cref="StopGrace.Grace"/> more.</summary>
    private async Task SaveOffsetAsync(long next, CancellationToken stoppingToken)
    {
        using var grace = new StopGrace(stoppingToken, time);
        await StoreRetry.UntilDoneAsync(ct => cursors.SetAsync(CursorName, next, time.GetUtcNow(), ct),
            $"the Telegram offset {next}", logger, time, grace.Token).ConfigureAwait(false);
    }

    /// <summary>A failing update is logged and passed over, so one bad message can never stall the bot. An update
    /// under way when the host stops gets <see cref="StopGrace.Grace"/> to finish.</summary>
    private async Task HandleOneAsync(Update update, CancellationToken stoppingToken)
    {
        using var grace = new StopGrace(stoppingToken, time);
        try
        {
            await handler.HandleAsync(update, grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError("Telegram update {UpdateId} failed and is skipped: {Error}", update.Id, Api.TokenRedactor.Redact(ex.ToString(), options.Token));
        }
    }

    private async Task WaitAfterAsync(BotApiError error, Backoff backoff, CancellationToken stoppingToken)
    {
        var wait = error.RetryAfter ?? backoff.Next();
        switch (error.Kind)
        {
            case BotApiErrorKind.Conflict:
                logger.LogWarning("Telegram getUpdates conflict (409: {Description}): another copy of this bot is polling with the same token, or a webhook is set. Retrying in {Seconds} s", error.Description, wait.TotalSeconds);
                break;
            case BotApiErrorKind.Unauthorized:
                logger.LogError("Telegram refused the bot token (401); check Watchbot__Telegram__Token. Retrying in {Seconds} s", wait.TotalSeconds);
                break;
            default:
                logger.LogWarning("Telegram getUpdates failed ({Error}); retrying in {Seconds} s", error, wait.TotalSeconds);
                break;
        }

        await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>getUpdates does not work while a webhook is set: polling mode removes it (keeping pending updates).</summary>
    private async Task DropWebhookAsync(CancellationToken stoppingToken)
    {
        try
        {
            var info = await api.CallAsync("getWebhookInfo", (bot, ct) => bot.GetWebhookInfo(ct), stoppingToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(info.Url))
            {
                logger.LogWarning("Telegram: a webhook was set; removing it to use long polling (Watchbot:Telegram:Mode is polling)");
                await api.CallAsync("deleteWebhook", async (bot, ct) =>
                {
                    await bot.DeleteWebhook(cancellationToken: ct).ConfigureAwait(false);
                    return true;
                }, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (TelegramApiException ex)
        {
            logger.LogWarning("Telegram: could not check for a webhook ({Error}); polling anyway", ex.Error);
        }
    }
}
