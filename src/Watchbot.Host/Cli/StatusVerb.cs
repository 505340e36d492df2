using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Stores;
using Watchbot.Host.Composition;
using Watchbot.Storage;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot status`: whether the running bot's loops (Telegram polling, the Discord gateway, delivery to each
/// platform) are alive, from the heartbeats they write to the store. Exit 0 when every part that ever reported is alive, 1 otherwise.</summary>
public static class StatusVerb
{
    public const int NotAlive = 1;

    public static Command Create()
    {
        var command = new Command("status", "Say whether the running bot's Telegram polling, Discord gateway and delivery are alive (exit 1 when not)");
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var store = host.Services.GetRequiredService<SqliteStore>();
            var beats = await store.Cursors.ListAsync(Heartbeat.Prefix, token).ConfigureAwait(false);
            var (lines, alive) = Describe(beats, TimeProvider.System.GetUtcNow());
            foreach (var line in lines)
            {
                await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            return alive ? Verb.Ok : NotAlive;
        }, ct));
        return command;
    }

    /// <summary>One line per part, and whether all are alive (false when none ever reported).</summary>
    public static (IReadOnlyList<string> Lines, bool Alive) Describe(IReadOnlyList<JobCursor> beats, DateTimeOffset now)
    {
        if (beats.Count == 0)
        {
            return (["Nothing has reported yet: the bot has not run against this database (watchbot run)."], false);
        }

        var lines = new List<string>();
        var alive = true;
        foreach (var beat in beats)
        {
            var part = beat.Name[Heartbeat.Prefix.Length..];
            if (beat.Value == Heartbeat.NotConnected)
            {
                alive = false;
                var since = beat.UpdatedAt is { } at ? $" for {Ago(now - at)}" : "";
                lines.Add($"{part}: NOT alive (not connected{since})");
                continue;
            }

            var ago = now - DateTimeOffset.FromUnixTimeSeconds(beat.Value);
            var fresh = ago <= Heartbeat.StaleAfter;
            alive &= fresh;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{part}: {(fresh ? "alive" : "NOT alive")} (last seen {Ago(ago)} ago)"));
        }

        return (lines, alive);
    }

    private static string Ago(TimeSpan ago) => ago.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, ago.TotalSeconds):0} s")
        : ago.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{ago.TotalMinutes:0} min") : string.Create(CultureInfo.InvariantCulture, $"{ago.TotalHours:0} h");
}
