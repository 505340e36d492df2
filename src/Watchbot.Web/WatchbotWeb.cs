using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Stores;
using Watchbot.Web.Endpoints;
using Watchbot.Web.SignIn;

namespace Watchbot.Web;

/// <summary>
/// Builds the web application: its own small ASP.NET Core container in the bot's process, borrowing the bot's stores,
/// access policy, command handlers, clock and logging from <paramref name="bot"/>, so the page reads the same store and
/// curates through the same /admin code. Kestrel listens on <see cref="WebOptions.Urls"/>.
/// </summary>
public static class WatchbotWeb
{
    public static WebApplication Create(WebOptions options, IServiceProvider bot)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024;
        });

        var services = builder.Services;
        services.AddSingleton(bot.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddRoutingCore();
        services.AddSingleton(options);
        services.AddSingleton(bot.GetRequiredService<IEventStore>());
        services.AddSingleton(bot.GetRequiredService<IAuditLog>());
        services.AddSingleton(bot.GetRequiredService<ITopicStore>());
        services.AddSingleton(bot.GetRequiredService<ICursorStore>());
        services.AddSingleton(bot.GetRequiredService<IHeartbeats>());
        services.AddSingleton(bot.GetRequiredService<TimeProvider>());
        services.AddSingleton(bot.GetRequiredService<ReviewSettings>());
        services.AddSingleton(bot.GetRequiredService<SignInTokens>());
        services.AddSingleton(new CuratorCheck(bot.GetRequiredService<AccessPolicy>(), bot.GetRequiredService<IRoleStore>()));
        services.AddSingleton(bot.GetServices<ICommandHandler>().Single(h => h.Spec.Name == "admin"));
        services.AddSingleton<SignInRedeemer>();

        // Sessions and form tokens are protected by keys held in memory: signing in again after a restart is the price
        // of writing no key files anywhere.
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new InMemoryKeys();
            // The keys never leave memory, so there is nothing to encrypt them against (and no start-up warning saying so).
            o.XmlEncryptor = new Microsoft.AspNetCore.DataProtection.XmlEncryption.NullXmlEncryptor();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "watchbot.af";
            o.FormFieldName = "__RequestVerificationToken";
            o.Cookie.SecurePolicy = options.BaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
                ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always
                : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "watchbot.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;

            // Behind a TLS proxy the request reaches Kestrel as plain http: the public address says what the browser sees.
            o.Cookie.SecurePolicy = options.BaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
                ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always
                : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.SessionLifetime;
            o.SlidingExpiration = false;
            o.LoginPath = "/signin";
        });
        services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        ReaderEndpoints.Map(app);
        CuratorEndpoints.Map(app);
        HealthEndpoint.Map(app);
        return app;
    }
}
