using Microsoft.Data.Sqlite;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Quiet hours and snoozes. Saving also moves the chat's held alerts to their new release time.</summary>
public sealed class SqliteChatSettingsStore(SqliteDatabase database) : IChatSettingsStore
{
    private const string Columns = "platform, chat_id, quiet_start, quiet_end, quiet_tz, snooze_until";

    public async Task<ChatSettings> GetAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM chat_settings WHERE platform = @platform AND chat_id = @chat_id")
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault() ?? ChatSettings.None(chat);
    }

    public async Task<IReadOnlyList<ChatSettings>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM chat_settings WHERE quiet_start IS NOT NULL OR snooze_until IS NOT NULL");
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(ChatSettings settings, DateTimeOffset releaseHeldAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using (var upsert = connection.Command(
                       """
                       INSERT INTO chat_settings (platform, chat_id, quiet_start, quiet_end, quiet_tz, snooze_until)
                       VALUES (@platform, @chat_id, @quiet_start, @quiet_end, @quiet_tz, @snooze_until)
                       ON CONFLICT (platform, chat_id) DO UPDATE SET quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                           quiet_tz = excluded.quiet_tz, snooze_until = excluded.snooze_until
                       """, transaction)
                   .With("@platform", settings.Chat.Platform)
                   .With("@chat_id", settings.Chat.ChatId)
                   .With("@quiet_start", settings.Quiet is { } q ? Db.TimeOfDay(q.Start) : null)
                   .With("@quiet_end", settings.Quiet is { } q2 ? Db.TimeOfDay(q2.End) : null)
                   .With("@quiet_tz", settings.Quiet?.TimeZone)
                   .With("@snooze_until", Db.Time(settings.SnoozeUntil)))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var release = connection.Command(
                       """
                       UPDATE outbox SET not_before = @at
                       WHERE platform = @platform AND chat_id = @chat_id AND status = 'pending' AND held = 1
                       """, transaction)
                   .With("@platform", settings.Chat.Platform)
                   .With("@chat_id", settings.Chat.ChatId)
                   .With("@at", Db.Time(releaseHeldAt)))
        {
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    private static async Task<List<ChatSettings>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ChatSettings>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var start = r.NullableString(2);
            var end = r.NullableString(3);
            var quiet = start is not null && end is not null
                ? new QuietHours(Db.ParseTimeOfDay(start), Db.ParseTimeOfDay(end), r.NullableString(4) ?? "UTC")
                : null;
            list.Add(new ChatSettings(new ChatAddress(r.GetString(0), r.GetString(1)), quiet, r.NullableTime(5)));
        }

        return list;
    }
}
