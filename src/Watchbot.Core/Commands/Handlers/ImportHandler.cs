using Watchbot.Core.Alerts;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands.Handlers;

public sealed class ImportHandler(ISubscriptionStore subscriptions, IChatSettingsStore chatSettings, ITopicStore topics, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("import", "/import [me] <json from /export>", "Apply subscriptions, filters and quiet hours from /export",
        CommandAccess.ChatAdmin,
        "Everything is checked before anything changes. Topics in the JSON are added or updated; others are left as they are.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var json = context.RawArgs.Trim();
        if (json.StartsWith("me", StringComparison.OrdinalIgnoreCase))
        {
            json = json[2..].TrimStart();
        }

        if (json.EndsWith(" me", StringComparison.OrdinalIgnoreCase))
        {
            json = json[..^3].TrimEnd();
        }

        if (!json.StartsWith('{'))
        {
            return Usage.Of(Spec, "Paste the JSON that /export gave");
        }

        var template = new Subscription { Chat = context.TargetChat, UserId = context.TargetUser, Topic = "", CreatedAt = context.Now };
        var (incoming, quiet, problem) = SettingsDocument.Read(json, await topics.ListAsync(cancellationToken).ConfigureAwait(false), template);
        if (incoming is null)
        {
            return Usage.Of(Spec, problem);
        }

        foreach (var wanted in incoming)
        {
            var (stored, _) = await subscriptions.AddAsync(wanted, cancellationToken).ConfigureAwait(false);
            await subscriptions.UpdateAsync(wanted with { Id = stored.Id, DigestCursor = stored.DigestCursor, LastDigestAt = stored.LastDigestAt, CreatedAt = stored.CreatedAt },
                cancellationToken).ConfigureAwait(false);
        }

        if (quiet is not null)
        {
            var settings = await chatSettings.GetAsync(context.TargetChat, cancellationToken).ConfigureAwait(false) with { Quiet = quiet };
            await chatSettings.SaveAsync(settings, AlertHold.HeldUntil(settings, context.Now) ?? context.Now, cancellationToken).ConfigureAwait(false);
        }

        await audit.AddAsync(context.Actor, "import", $"{context.TargetChat} {string.Join(",", incoming.Select(s => s.Topic))}", context.Now, cancellationToken)
            .ConfigureAwait(false);
        return CommandReply.Text($"Imported {incoming.Count} subscription{(incoming.Count == 1 ? "" : "s")}{(quiet is null ? "" : " and quiet hours")}. /subscriptions shows them.",
            context.Personal);
    }
}
