using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Interactions;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;

namespace Watchbot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds the Discord transport: REST client, sender ("discord" IChatTransport), interaction handler,
    /// command registrar and the gateway hosted service. Needs Core's CommandRouter, ITopicStore and ICursorStore.</summary>
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, DiscordOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DiscordTransportState>();
        services.AddHttpClient(DiscordRestClient.HttpClientName);
        services.AddSingleton(sp => new DiscordRestClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(DiscordRestClient.HttpClientName), options, TimeProvider.System, sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetRequiredService<DiscordTransportState>()));
        services.AddSingleton<DmChannelCache>();
        services.AddSingleton(sp => new ChannelPauses(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DmChannelCache>(),
            sp.GetRequiredService<Core.Stores.IOutboxStore>(), sp.GetRequiredService<Core.Stores.IAuditLog>(), options, TimeProvider.System,
            sp.GetRequiredService<ILogger<ChannelPauses>>()));
        services.AddSingleton(sp => new DiscordSender(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DmChannelCache>(),
            sp.GetRequiredService<DiscordTransportState>(), sp.GetRequiredService<ILogger<DiscordSender>>(), sp.GetRequiredService<ChannelPauses>()));
        services.AddSingleton<IChatTransport>(sp => sp.GetRequiredService<DiscordSender>());
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton(sp => new CommandRegistrar(
            sp.GetRequiredService<Core.Commands.CommandRouter>(), sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<Core.Stores.ICursorStore>(),
            options, TimeProvider.System, sp.GetRequiredService<ILogger<CommandRegistrar>>()));
        services.AddSingleton(sp =>
        {
            var handler = sp.GetRequiredService<InteractionHandler>();
            var pauses = sp.GetRequiredService<ChannelPauses>();
            return new DiscordGatewayClient(options, sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DiscordTransportState>(),
                async (interaction, cancellationToken) =>
                {
                    // Answer first (Discord's 3 seconds), then let a paused channel's messages go again.
                    await handler.HandleAsync(interaction, cancellationToken).ConfigureAwait(false);
                    await pauses.ResumeAsync(interaction.ChannelId, cancellationToken).ConfigureAwait(false);
                }, TimeProvider.System, sp.GetRequiredService<ILogger<DiscordGatewayClient>>(), alive: sp.GetService<Core.Stores.Heartbeat>());
        });
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }
}
