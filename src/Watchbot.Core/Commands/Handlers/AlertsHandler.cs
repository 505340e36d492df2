using System.Globalization;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class AlertsHandler(ISubscriptionStore subscriptions, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("alerts", "/alerts <topic> [me] on [severity>=N] | /alerts <topic> [me] off",
        "Immediate alerts for grave events, as well as the digest", CommandAccess.ChatAdmin,
        "Alerts come for events at or above the severity (1 to 5, 4 if not given) that also pass the subscription's filters. /quiet and /snooze hold them.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count is < 2 or > 3)
        {
            return Usage.Of(Spec);
        }

        var (target, problem) = await TargetSubscriptions.FindAsync(subscriptions, context, context.Args[0], Spec, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return problem!;
        }

        var changed = context.Args.Skip(1).Select(a => a.ToLowerInvariant()).ToList() switch
        {
            ["off"] => target with { AlertsEnabled = false },
            ["on"] => target with { AlertsEnabled = true },
            ["on", var threshold] when Severity(threshold) is { } severity => target with { AlertsEnabled = true, AlertMinSeverity = severity },
            _ => null,
        };
        if (changed is null)
        {
            return Usage.Of(Spec, "Say on or off; a threshold is written severity>=4, from 1 to 5");
        }

        await subscriptions.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "alerts", $"{changed.Chat} {changed.Topic} {(changed.AlertsEnabled ? $"on >= {changed.AlertMinSeverity}" : "off")}",
            context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text(changed.AlertsEnabled
            ? $"Alerts for {changed.Topic} are on for events of severity {changed.AlertMinSeverity} or more."
            : $"Alerts for {changed.Topic} are off; the daily digest still comes.", context.Personal);
    }

    private static int? Severity(string text) =>
        text.StartsWith("severity>=", StringComparison.Ordinal)
        && int.TryParse(text["severity>=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5
            ? n
            : null;
}
