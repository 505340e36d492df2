using System.Globalization;
using Watchbot.Core.Alerts;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Time;

namespace Watchbot.Core.Commands.Handlers;

public sealed class QuietHandler(IChatSettingsStore chatSettings, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("quiet", "/quiet HH:MM-HH:MM [tz Area/City] [me] | /quiet off [me]",
        "Hold alerts during quiet hours each day", CommandAccess.ChatAdmin,
        "Alerts that fall in the quiet hours are held, never dropped, and arrive together as one message when the quiet hours end.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.Select(a => a.ToLowerInvariant()).ToList();
        var current = await chatSettings.GetAsync(context.TargetChat, cancellationToken).ConfigureAwait(false);
        ChatSettings changed;
        switch (args)
        {
            case ["off"]:
                changed = current with { Quiet = null };
                break;
            case [var span]:
                if (Parse(span, "UTC") is not { } quiet)
                {
                    return Usage.Of(Spec, $"'{TargetSubscriptions.Clip(span)}' is not a time span; write it as 22:00-07:00");
                }

                changed = current with { Quiet = quiet };
                break;
            case [var span, "tz", _]:
                if (!ZonedTime.TryFindZone(context.Args[^1], out var zone))
                {
                    return Usage.Of(Spec, $"'{TargetSubscriptions.Clip(context.Args[^1])}' is not a time zone I know; use an IANA name such as Europe/Berlin");
                }

                if (Parse(span, zone.Id) is not { } zoned)
                {
                    return Usage.Of(Spec, $"'{TargetSubscriptions.Clip(span)}' is not a time span; write it as 22:00-07:00");
                }

                changed = current with { Quiet = zoned };
                break;
            default:
                return Usage.Of(Spec);
        }

        await chatSettings.SaveAsync(changed, AlertHold.HeldUntil(changed, context.Now) ?? context.Now, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "quiet", $"{changed.Chat} {(changed.Quiet is { } q ? $"{q.Start:HH:mm}-{q.End:HH:mm} {q.TimeZone}" : "off")}",
            context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text(changed.Quiet is { } set
            ? $"Quiet hours {set.Start:HH:mm}-{set.End:HH:mm} ({set.TimeZone}): alerts in that time are held and arrive together when it ends."
            : "Quiet hours are off; held alerts are on their way.", context.Personal);
    }

    private static QuietHours? Parse(string span, string zone)
    {
        var parts = span.Split('-');
        return parts.Length == 2
               && TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
               && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
               && start != end
            ? new QuietHours(start, end, zone)
            : null;
    }
}
