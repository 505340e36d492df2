using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rendering;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Interactions;

/// <summary>
/// Answers INTERACTION_CREATE within Discord's 3 seconds: the command runs through the router; when it is done
/// within <see cref="DiscordOptions.DeferAfter"/> the answer goes at once (type 4), otherwise the interaction is
/// deferred (type 5) and the answer replaces the original response when ready. Ephemeral replies carry flag 64.
/// Autocomplete offers the topics (type 8).
/// </summary>
public sealed class InteractionHandler(
    CommandRouter router,
    ITopicStore topics,
    DiscordRestClient rest,
    DiscordOptions options,
    ILogger<InteractionHandler> logger)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.ApplicationCommand:
                    await CommandAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionType.Autocomplete:
                    await AutocompleteAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    logger.LogDebug("Ignored interaction type {Type}", interaction.Type);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DiscordApiException ex) when (ex.ErrorCode == DiscordErrorCode.UnknownInteraction)
        {
            logger.LogWarning("Interaction {Id} expired before it was answered (10062)", interaction.Id);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransientException)
        {
            logger.LogWarning("Could not answer interaction {Id}: {Reason}", interaction.Id, ex.Message);
        }
    }

    private async Task CommandAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var incoming = InteractionCommandText.ToIncoming(interaction);
        if (incoming is null)
        {
            return;
        }

        logger.LogInformation("Discord command {Line} from {User} in {Chat}", incoming.Text, incoming.Sender.Key, incoming.Chat);
        var work = router.HandleAsync(incoming, cancellationToken);
        var quick = await Task.WhenAny(work, Task.Delay(options.DeferAfter, cancellationToken)).ConfigureAwait(false) == work;
        if (quick)
        {
            var reply = await work.ConfigureAwait(false) ?? Slowed();
            var bodies = Render(reply);
            var first = bodies[0];
            await RespondAsync(interaction, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource,
                new InteractionCallbackData(first.Content, first.Embeds, first.AllowedMentions, first.Flags)), cancellationToken).ConfigureAwait(false);
            await FollowUpAsync(interaction, bodies.Skip(1), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RespondAsync(interaction, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), cancellationToken).ConfigureAwait(false);
        CommandReply late;
        try
        {
            late = await work.WaitAsync(options.AnswerWithin - options.DeferAfter, cancellationToken).ConfigureAwait(false) ?? Slowed();
        }
        catch (TimeoutException)
        {
            // Discord takes the edit for 15 minutes only: say so while it still does. The command runs on regardless.
            logger.LogWarning("Discord command {Line} took longer than {Within}; told the user", incoming.Text, options.AnswerWithin);
            late = CommandReply.Text("Sorry, that is taking too long. Send /status later to see whether it went through.");
        }

        var lateBodies = Render(late);
        if (late.Ephemeral)
        {
            // The deferral was public; an answer meant for the sender alone replaces it as an ephemeral follow-up.
            await rest.SendAsync(new DeleteOriginalResponseRequest(interaction.ApplicationId, interaction.Token), cancellationToken).ConfigureAwait(false);
            await FollowUpAsync(interaction, lateBodies, cancellationToken).ConfigureAwait(false);
            return;
        }

        await rest.SendAsync(new EditOriginalResponseRequest(interaction.ApplicationId, interaction.Token, lateBodies[0]), cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(interaction, lateBodies.Skip(1), cancellationToken).ConfigureAwait(false);
    }

    private async Task RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await rest.SendAsync(new CreateInteractionResponseRequest(interaction.Id, interaction.Token, response), cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (ex.ErrorCode == DiscordErrorCode.AlreadyAcknowledged)
        {
            logger.LogInformation("Interaction {Id} was already acknowledged (40060); editing the original response instead", interaction.Id);
            if (response.Data is { } data)
            {
                var body = new MessageBody(data.Content, data.Embeds, AllowedMentions.None);
                await rest.SendAsync(new EditOriginalResponseRequest(interaction.ApplicationId, interaction.Token, body), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FollowUpAsync(Interaction interaction, IEnumerable<MessageBody> bodies, CancellationToken cancellationToken)
    {
        foreach (var body in bodies)
        {
            await rest.SendAsync(new CreateFollowupRequest(interaction.ApplicationId, interaction.Token, body), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var focused = interaction.Data is null ? null : InteractionCommandText.Focused(interaction.Data);
        var typed = focused?.Typed.ToLowerInvariant() ?? "";
        var names = (await topics.ListAsync(cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToList();
        if (interaction.Data?.Name == "unsubscribe")
        {
            names.Add("all");
        }

        var choices = names
            .Where(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Take(25)
            .Select(n => new AutocompleteChoice(n, n))
            .ToList();
        await rest.SendAsync(new CreateInteractionResponseRequest(interaction.Id, interaction.Token,
            new InteractionResponse(InteractionCallbackType.AutocompleteResult, new InteractionCallbackData(Choices: choices))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A short reply as plain content; anything longer or titled as embeds. Ephemeral replies carry flag 64.</summary>
    public static IReadOnlyList<MessageBody> Render(CommandReply reply)
    {
        var flags = reply.Ephemeral ? MessageFlags.Ephemeral : (int?)null;
        var message = reply.Message;
        if (message.Kind == MessageKind.Reply && message.Title.Length == 0 && string.IsNullOrEmpty(message.Footer))
        {
            var text = DiscordMarkdown.Escape(message.ToPlainText());
            if (text.Length is > 0 and <= EmbedLimits.Content)
            {
                return [new MessageBody(text, null, AllowedMentions.None, flags)];
            }
        }

        return EmbedRenderer.Render(message, flags);
    }

    /// <summary>A slash command is always a command, so the router leaves one unanswered only when flood control has
    /// already told this sender to slow down. Discord shows "did not respond" to an interaction left unanswered, and an
    /// interaction answer costs none of the bot's global budget, so each one gets this short private reminder.</summary>
    private static CommandReply Slowed() =>
        CommandReply.Text("You are still sending commands faster than I can answer them. Please wait a few seconds.", ephemeral: true);
}
