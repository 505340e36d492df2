using System.Globalization;
using Watchbot.Core.Alerts;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class SnoozeHandler(IChatSettingsStore chatSettings, IAuditLog audit) : ICommandHandler
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(14);

    public CommandSpec Spec { get; } = new("snooze", "/snooze <30m|8h|2d> [me] | /snooze off [me]",
        "Hold alerts for a while", CommandAccess.ChatAdmin,
        "Alerts are held, never dropped, and arrive together as one message when the snooze ends (at most 14 days).",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1)
        {
            return Usage.Of(Spec);
        }

        var arg = context.Args[0].ToLowerInvariant();
        TimeSpan? length = arg == "off" ? null : Duration(arg);
        if (arg != "off" && (length is null || length <= TimeSpan.Zero || length > Longest))
        {
            return Usage.Of(Spec, $"'{TargetSubscriptions.Clip(arg)}' is not a length from 1m to 14d; write it as 30m, 8h or 2d");
        }

        var current = await chatSettings.GetAsync(context.TargetChat, cancellationToken).ConfigureAwait(false);
        var changed = current with { SnoozeUntil = length is { } l ? context.Now + l : null };
        await chatSettings.SaveAsync(changed, AlertHold.HeldUntil(changed, context.Now) ?? context.Now, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "snooze", $"{changed.Chat} {arg}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text(changed.SnoozeUntil is { } until
            ? $"Alerts are snoozed until {until.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} UTC; they will arrive together then."
            : "Snooze is off; held alerts are on their way.", context.Personal);
    }

    public static TimeSpan? Duration(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return null;
        }

        return text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
