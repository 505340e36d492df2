using System.Globalization;
using Watchbot.Core.Digests;
using Watchbot.Core.Storage;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Time;

namespace Watchbot.Core.Commands.Handlers;

public sealed class DigestHandler(ISubscriptionStore subscriptions, DigestService digests, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("digest", "/digest [topic] [me] now | /digest <topic> [me] at HH:MM [tz Area/City] | /digest <topic> [me] off",
        "Get the digest now, or set its daily time", CommandAccess.ChatAdmin,
        "Times are in the zone you name (IANA, such as Asia/Yerevan or Europe/Berlin), right across daylight-saving changes.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.Select(a => a.ToLowerInvariant()).ToList();
        var mine = await TargetSubscriptions.ListAsync(subscriptions, context, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            return CommandReply.Text($"{(context.Personal ? "You follow" : "This chat follows")} no topics yet. Send /subscribe <topic> first.", ephemeral: true);
        }

        if (args is ["now"])
        {
            return await NowAsync(mine, context, cancellationToken).ConfigureAwait(false);
        }

        if (args.Count < 2)
        {
            return Usage.Of(Spec);
        }

        var (target, problem) = await TargetSubscriptions.FindAsync(subscriptions, context, args[0], Spec, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return problem!;
        }

        return args[1..] switch
        {
            ["now"] => await NowAsync([target], context, cancellationToken).ConfigureAwait(false),
            ["off"] => await SaveAsync(target with { Digest = target.Digest with { Enabled = false } }, context, "off", cancellationToken).ConfigureAwait(false),
            ["at", var time] => await SetAsync(target, time, target.Digest.TimeZone, context, cancellationToken).ConfigureAwait(false),
            ["at", var time, "tz", _] => await SetAsync(target, time, context.Args[^1], context, cancellationToken).ConfigureAwait(false),
            _ => Usage.Of(Spec),
        };
    }

    private async Task<CommandReply> NowAsync(IReadOnlyList<Subscription> targets, CommandContext context, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var subscription in targets)
        {
            var result = await digests.RunNowAsync(subscription, context.Now, cancellationToken).ConfigureAwait(false);
            queued += result.Queued;
        }

        return CommandReply.Text(queued == 0
            ? "A digest is already being composed; it will arrive shortly."
            : $"Composing {(queued == 1 ? "the digest" : $"{queued} digests")} of {string.Join(", ", targets.Select(t => t.Topic))} now.");
    }

    private async Task<CommandReply> SetAsync(Subscription target, string time, string zone, CommandContext context, CancellationToken cancellationToken)
    {
        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Usage.Of(Spec, $"'{Short(time)}' is not a time of day; write it as HH:MM, from 00:00 to 23:59");
        }

        if (!ZonedTime.TryFindZone(zone, out var found))
        {
            return Usage.Of(Spec, $"'{Short(zone)}' is not a time zone I know; use an IANA name such as Europe/Berlin or Asia/Yerevan");
        }

        var schedule = new DigestSchedule(true, at, found.Id);
        return await SaveAsync(target with { Digest = schedule }, context, $"at {at:HH:mm} {found.Id}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandReply> SaveAsync(Subscription changed, CommandContext context, string what, CancellationToken cancellationToken)
    {
        await subscriptions.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "digest", $"{changed.Chat} {changed.Topic} {what}", context.Now, cancellationToken).ConfigureAwait(false);
        if (!changed.Digest.Enabled)
        {
            return CommandReply.Text($"Daily digest of {changed.Topic} is off. /digest {changed.Topic} at 08:00 turns it on again.", context.Personal);
        }

        var next = DigestClock.NextAfter(changed.Digest, context.Now);
        var zone = ZonedTime.TryFindZone(changed.Digest.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(next, zone);
        return CommandReply.Text($"Daily digest of {changed.Topic} at {changed.Digest.TimeOfDay:HH:mm} {changed.Digest.TimeZone}; the next one on {local.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}.",
            context.Personal);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
