using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Telegram.Api;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// Webhook mode: a small ASP.NET Core endpoint at WebhookUrl's path, listening on WebhookListenUrl (behind your
/// HTTPS reverse proxy). It refuses any request without the right X-Telegram-Bot-Api-Secret-Token (compared in
/// constant time), handles updates one at a time, skips updates it already handled, and registers itself with setWebhook.
/// </summary>
public sealed class WebhookReceiver(
    BotApi api,
    BotStartup startup,
    UpdateHandler handler,
    ICursorStore cursors,
    TelegramOptions options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private readonly ILogger logger = loggers.CreateLogger<WebhookReceiver>();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly byte[] secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret ?? ""));
    private readonly bool hasSecret = !string.IsNullOrEmpty(options.WebhookSecret);
    private readonly TaskCompletionSource<Uri> endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the endpoint really listens (WebhookListenUrl with the port the OS gave for port 0) and its
    /// path: what a reverse proxy, or a test, posts to.</summary>
    public Task<Uri> Endpoint => endpoint.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(options.WebhookListenUrl);
        await using var app = builder.Build();
        var path = new Uri(options.WebhookUrl!).AbsolutePath;
        app.MapPost(path, (RequestDelegate)(context => ReceiveAsync(context, stoppingToken)));
        try
        {
            await app.StartAsync(stoppingToken).ConfigureAwait(false);
            var listening = new Uri(new Uri(app.Urls.First()), path);
            endpoint.TrySetResult(listening);
            logger.LogInformation("Telegram: webhook endpoint listening on {Endpoint}", TokenRedactor.Redact(listening.ToString(), options.Token));
            await startup.RunAsync(stoppingToken).ConfigureAwait(false);
            await RegisterAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            endpoint.TrySetCanceled(CancellationToken.None);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        while (true)
        {
            try
            {
                await api.CallAsync("setWebhook", async (bot, ct) =>
                {
                    await bot.SetWebhook(options.WebhookUrl!, allowedUpdates: UpdateHandler.Wanted, secretToken: options.WebhookSecret, cancellationToken: ct).ConfigureAwait(false);
                    return true;
                }, stoppingToken).ConfigureAwait(false);
                // Some put the token in the webhook path (Telegram's own examples do): never log it.
                logger.LogInformation("Telegram: webhook set to {Url}", TokenRedactor.Redact(options.WebhookUrl, options.Token));
                return;
            }
            catch (TelegramApiException ex)
            {
                var wait = ex.Error.RetryAfter ?? backoff.Next();
                logger.LogWarning("Telegram setWebhook failed ({Error}); trying again in {Seconds} s", ex.Error, wait.TotalSeconds);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReceiveAsync(HttpContext context, CancellationToken stoppingToken)
    {
        if (!IsAuthentic(context.Request.Headers[SecretHeader].ToString()))
        {
            // Never log what was presented: it may be a near-miss of the real secret.
            logger.LogInformation("Telegram webhook: refused a request from {Remote} without the right {Header}", context.Connection.RemoteIpAddress, SecretHeader);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Update? update;
        try
        {
            // The library's own options: with the defaults a callback query's data would silently come back empty.
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await oneAtATime.WaitAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            long next;
            try
            {
                next = (await cursors.GetAsync(PollingReceiver.CursorName, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (Exception ex) when (StoreRetry.IsStoreError(ex))
            {
                // Nothing was handled: Telegram sends the update again later.
                logger.LogWarning("Telegram webhook: could not read the offset ({Error}); update {UpdateId} is left for Telegram to send again", ex.Message, update.Id);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            if (update.Id >= next)
            {
                try
                {
                    using var grace = new StopGrace(stoppingToken, time);
                    await handler.HandleAsync(update, grace.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError("Telegram update {UpdateId} failed and is skipped: {Error}", update.Id, TokenRedactor.Redact(ex.ToString(), options.Token));
                }

                // As in polling: a handled update is recorded even while the host stops, and a store error is retried
                // until it is (answering 500 instead would make Telegram send the update, and run the command, again).
                using var saving = new StopGrace(stoppingToken, time);
                await StoreRetry.UntilDoneAsync(ct => cursors.SetAsync(PollingReceiver.CursorName, update.Id + 1L, time.GetUtcNow(), ct),
                    $"the Telegram offset {update.Id + 1L}", logger, time, saving.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            oneAtATime.Release();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Constant-time comparison, so the secret cannot be guessed byte by byte from response times. Both sides
    /// are hashed first, so not even the secret's length shows (FixedTimeEquals returns at once on a length mismatch).</summary>
    private bool IsAuthentic(string presented) =>
        hasSecret && presented.Length > 0
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), secretHash);

    public override void Dispose()
    {
        oneAtATime.Dispose();
        base.Dispose();
    }
}
