using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Watchbot.Web;

/// <summary>Starts the web page with the bot and stops it with the bot (a hosted service of `watchbot run`). A port that
/// cannot be bound is logged as an error and the bot runs on without the page.</summary>
public sealed class WebServer(WebOptions options, IServiceProvider bot, ILogger<WebServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The addresses Kestrel listens on once started (a port 0 in the settings becomes the real port here).</summary>
    public IReadOnlyList<string> Addresses =>
        app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>The first address listened on, as a browser on this machine reaches it (a wildcard host becomes localhost).</summary>
    public string? PublicAddress => Addresses.FirstOrDefault()?
        .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
        .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        app = WatchbotWeb.Create(options, bot);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The page is a window on the bot, not the bot: a port already taken is said loudly and the chats go on.
            logger.LogError("The web page could not start on {Urls} ({Error}); the bot runs without it. Free the port or set Watchbot:Web:Urls.",
                options.Urls, ex.GetBaseException().Message);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
            return;
        }

        logger.LogInformation("Web page at {Urls}{Private}", string.Join(", ", Addresses), options.Private ? " (private: curators only)" : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
        }
    }
}
