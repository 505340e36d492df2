using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Watchbot.Host.Composition;

/// <summary>
/// Every HTTP client of the program comes from the one <see cref="IHttpClientFactory"/> with these defaults: pooled
/// connections renewed every five minutes (DNS changes are seen), compressed answers accepted, no client-wide timeout
/// (each caller sets a deadline per request: a long poll waits longer than a send), and a user agent that says who
/// asks; and none of the factory's own request logging (a Bot API URI holds the token). A platform names its client and adds only what is its own (Telegram: no redirects; Discord: its user agent per
/// request).
/// </summary>
public static class HttpRegistration
{
    public const string UserAgent = "Watchbot/1.0 (news monitoring)";

    public static IServiceCollection AddWatchbotHttp(this IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(client => client
            .ConfigureHttpClient(http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
                MaxConnectionsPerServer = 64,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // The factory would log every request's URI, and the Bot API's carries the token: each client logs its own
            // calls, by method name, instead.
            .RemoveAllLoggers());
        return services;
    }
}
