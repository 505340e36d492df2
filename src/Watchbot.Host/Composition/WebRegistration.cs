using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Stores;
using Watchbot.Core.Web;
using Watchbot.Host.Configuration;
using Watchbot.Storage;
using Watchbot.Web;
using Watchbot.Web.SignIn;

namespace Watchbot.Host.Composition;

/// <summary>The web page's place in the bot: links to it for every verb, the server itself only for `watchbot run`.</summary>
public static class WebRegistration
{
    /// <summary>/event links to the event's page when the page is on and has a public address (Watchbot:Web:BaseUrl).</summary>
    public static IServiceCollection AddWebLinks(this IServiceCollection services, WebOptions web)
    {
        if (web.Enabled && !string.IsNullOrWhiteSpace(web.BaseUrl))
        {
            services.AddSingleton(new WebLinks(web.BaseUrl.TrimEnd('/')));
        }

        return services;
    }

    /// <summary>The web server and what only it can do: sign-in links (their key lives in this process, so /admin web
    /// answers with a link only where the server runs).</summary>
    public static IServiceCollection AddWebPage(this IServiceCollection services, WatchbotOptions options)
    {
        if (!options.Web.Enabled)
        {
            return services;
        }

        services.AddSingleton(options.Web);
        services.AddSingleton(sp => new SignInTokens(() => string.IsNullOrWhiteSpace(options.Web.BaseUrl)
            ? sp.GetRequiredService<WebServer>().PublicAddress ?? options.Web.PublicBase()
            : options.Web.PublicBase()));
        services.AddSingleton<ISignInLinks>(sp => sp.GetRequiredService<SignInTokens>());
        services.AddSingleton(new ReviewSettings(options.Ingest.ReviewBelow));
        services.AddSingleton<IHeartbeats>(sp => new StoreHeartbeats(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<WebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServer>());
        return services;
    }

    private sealed class StoreHeartbeats(SqliteStore store) : IHeartbeats
    {
        public Task<IReadOnlyList<JobCursor>> ListAsync(string prefix, CancellationToken cancellationToken) => store.Cursors.ListAsync(prefix, cancellationToken);
    }
}
