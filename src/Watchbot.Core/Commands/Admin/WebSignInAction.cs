using Watchbot.Core.Web;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin web: answers the curator with a one-time link that signs them in to the curators' web page. A link
/// is a key for ten minutes, so it is never shown in a group: only in a private chat with the bot.</summary>
public sealed class WebSignInAction(ISignInLinks? links = null) : IAdminAction
{
    public string Name => "web";

    public string Usage => "/admin web: a one-time link (good for 10 minutes) that signs you in to the curators' web page";

    public Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (links is null)
        {
            return Task.FromResult(CommandReply.Text(
                "The web page is not running here: it is served by `watchbot run` while Watchbot:Web:Enabled is true.", ephemeral: true));
        }

        if (context.Incoming.ChatKind != ChatKind.Private)
        {
            return Task.FromResult(CommandReply.Text(
                "A sign-in link is a key, so I only send it in a private chat: send /admin web to me directly.", ephemeral: true));
        }

        var link = links.Issue(context.Actor, context.Now);
        var minutes = (int)Math.Round(links.Lifetime.TotalMinutes);
        return Task.FromResult(CommandReply.Text(
            $"Your sign-in link, good once and for {minutes} minutes: {link}", ephemeral: true));
    }
}
