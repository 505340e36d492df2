using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Watchbot.Core.Delivery;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Receiving;
using Watchbot.Telegram.Sending;

namespace Watchbot.Telegram;

/// <summary>Adds the Telegram transport: the Telegram.Bot client, sender (an <see cref="IChatTransport"/>), and the receiver for the mode.
/// Needs the host's CommandRouter, ICursorStore, ChatLifecycle and TimeProvider.</summary>
public static class TelegramServiceCollectionExtensions
{
    public static IServiceCollection AddTelegram(this IServiceCollection services, TelegramOptions options)
    {
        services.AddSingleton(options);
        // The host's HTTP defaults, and no redirects: a request carrying the token goes to the Bot API and nowhere else.
        services.AddHttpClient(BotApi.HttpClientName).ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            if (handler is SocketsHttpHandler sockets)
            {
                sockets.AllowAutoRedirect = false;
            }
        });
        services.AddSingleton<ITelegramBotClient>(sp => BotApi.CreateClient(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotApi.HttpClientName)));
        services.AddSingleton<BotApi>();
        services.AddSingleton<TelegramRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChatTransport>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ChatAdminCache>();
        services.AddSingleton<BotStartup>();
        services.AddSingleton<UpdateHandler>();
        if (options.Mode == TelegramMode.Webhook)
        {
            services.AddHostedService<WebhookReceiver>();
        }
        else
        {
            services.AddHostedService<PollingReceiver>();
        }

        return services;
    }
}
