using System.Globalization;
using Watchbot.Core.Digests;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Time;

namespace Watchbot.Core.Commands.Handlers;

public sealed class DigestHandler(ISubscriptionStore subscriptions, DigestService digests, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("digest", "/digest [topic] [me] now | /digest <topic> [me] at HH:MM [tz Area/City] | /digest <topic> [me] on|off | /digest <topic> [me] chart on|off | /digest [topic] [me]",
        "Get the digest now, or set its daily time", CommandAccess.ChatAdmin,
        "Times are in the zone you name (IANA, such as Asia/Yerevan or Europe/Berlin), right across daylight-saving changes. "
        + "on brings back the time it had before off. chart off sends the digest without the chart of the last 30 days' killed and wounded "
        + "(chart on brings it back; chart-off and chart-on work too, as Discord's menu offers them). /digest alone shows the digests (on Telegram with on/off buttons).",
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

        if (args.Count == 0)
        {
            return ShownAll(mine, context);
        }

        var (target, problem) = await TargetSubscriptions.FindAsync(subscriptions, context, args[0], Spec, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return problem!;
        }

        return args[1..] switch
        {
            [] => Shown(target, context),
            ["now"] => await NowAsync([target], context, cancellationToken).ConfigureAwait(false),
            ["off"] => await SaveAsync(target with { Digest = target.Digest with { Enabled = false } }, context, "off", cancellationToken).ConfigureAwait(false),
            ["on"] => await SaveAsync(target with { Digest = target.Digest with { Enabled = true } }, context,
                $"on at {target.Digest.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {target.Digest.TimeZone}", cancellationToken).ConfigureAwait(false),
            ["chart", "on"] or ["chart-on"] => await SaveAsync(target with { DigestChart = true }, context, "chart on", cancellationToken).ConfigureAwait(false),
            ["chart", "off"] or ["chart-off"] => await SaveAsync(target with { DigestChart = false }, context, "chart off", cancellationToken).ConfigureAwait(false),
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
        return Shown(changed, context);
    }

    /// <summary>One subscription's digest in words, with "Digest now" and the on/off switch.</summary>
    private static CommandReply Shown(Subscription subscription, CommandContext context) =>
        CommandReply.Text(State(subscription, context.Now), context.Personal)
            .WithActions([SubscriptionActions.Digest(subscription, context.ScopeWord)]);

    /// <summary>Every digest of the chat (or the person), a switch for each.</summary>
    private static CommandReply ShownAll(IReadOnlyList<Subscription> all, CommandContext context) =>
        CommandReply.Lines(context.Personal ? "Your daily digests:" : "This chat's daily digests:", all.Select(s => State(s, context.Now)), context.Personal)
            .WithActions(all.Take(SubscriptionActions.MaxRows)
                .Select(s => (IReadOnlyList<MessageAction>)[SubscriptionActions.DigestSwitch(s, context.ScopeWord, $"Daily digest of {s.Topic}")])
                .ToList());

    private static string State(Subscription subscription, DateTimeOffset now)
    {
        var digest = subscription.Digest;
        var at = $"{digest.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {digest.TimeZone}";
        if (!digest.Enabled)
        {
            return $"Daily digest of {subscription.Topic} is off. /digest {subscription.Topic} on turns it on again at {at}.";
        }

        var next = DigestClock.NextAfter(digest, now);
        var zone = ZonedTime.TryFindZone(digest.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(next, zone);
        return $"Daily digest of {subscription.Topic} at {at}; the next one on {local.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}. "
            + (subscription.DigestChart
                ? $"With a chart of the last {DigestChart.Days} days' tallies (/digest {subscription.Topic} chart off leaves it out)."
                : $"Without the chart (/digest {subscription.Topic} chart on brings it back).");
    }

    private static string Short(string text) => text.Length <= 40 ? text : SafeText.Prefix(text, 40) + "…";
}
