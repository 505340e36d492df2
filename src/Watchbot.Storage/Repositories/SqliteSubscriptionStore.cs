using Microsoft.Data.Sqlite;
using Watchbot.Core.Digests;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Subscriptions: one per (platform, chat, person or chat-wide, topic).</summary>
public sealed class SqliteSubscriptionStore(SqliteDatabase database) : ISubscriptionStore
{
    private const string Columns =
        "id, platform, chat_id, user_id, topic, filter, digest_enabled, digest_time, digest_tz, alerts_enabled, alert_min_severity, active, digest_cursor, last_digest_at, created_at, digest_chart";

    public async Task<(Subscription Subscription, bool Created)> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using (var find = connection.Command(
                       $"""
                        SELECT {Columns} FROM subscriptions
                        WHERE platform = @platform AND chat_id = @chat_id AND COALESCE(user_id, '') = @user AND topic = @topic
                        """, transaction)
                   .With("@platform", subscription.Chat.Platform)
                   .With("@chat_id", subscription.Chat.ChatId)
                   .With("@user", subscription.UserId ?? "")
                   .With("@topic", subscription.Topic))
        {
            var existing = (await ReadAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (existing is not null)
            {
                if (!existing.Active)
                {
                    using var reactivate = connection.Command(
                            "UPDATE subscriptions SET active = 1, deactivated_reason = NULL WHERE id = @id", transaction)
                        .With("@id", existing.Id);
                    await reactivate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    existing = existing with { Active = true };
                }

                transaction.Commit();
                return (existing, false);
            }
        }

        using var insert = connection.Command(InsertSql, transaction);
        var stored = BindInsert(insert, subscription);
        var id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return (stored with { Id = id }, true);
    }

    /// <summary>Adds many new subscriptions in one transaction (seeding, benchmarks, bulk imports); returns them with their ids.
    /// All or nothing: one that already exists for the same chat, person and topic fails the whole call.</summary>
    public async Task<IReadOnlyList<Subscription>> AddManyAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var stored = new List<Subscription>(subscriptions.Count);
        if (subscriptions.Count == 0)
        {
            return stored;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using var insert = connection.Command(InsertSql, transaction);
        foreach (var subscription in subscriptions)
        {
            ArgumentNullException.ThrowIfNull(subscription);
            insert.Parameters.Clear();
            var row = BindInsert(insert, subscription);
            stored.Add(row with { Id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false) });
        }

        transaction.Commit();
        return stored;
    }

    private const string InsertSql = """
        INSERT INTO subscriptions (platform, chat_id, user_id, topic, filter, digest_enabled, digest_time, digest_tz,
            alerts_enabled, alert_min_severity, active, digest_cursor, last_digest_at, created_at, digest_due_at, digest_chart)
        VALUES (@platform, @chat_id, @user_id, @topic, @filter, @digest_enabled, @digest_time, @digest_tz,
            @alerts_enabled, @alert_min_severity, @active, @digest_cursor, @last_digest_at, @created_at, @digest_due_at, @digest_chart)
        RETURNING id
        """;

    /// <summary>Binds one subscription to <see cref="InsertSql"/>; returns it as it will be stored (without its id).</summary>
    private static Subscription BindInsert(SqliteCommand insert, Subscription subscription) =>
        WithSettings(insert
            .With("@platform", subscription.Chat.Platform)
            .With("@chat_id", subscription.Chat.ChatId)
            .With("@user_id", subscription.UserId)
            .With("@topic", subscription.Topic)
            .With("@active", subscription.Active)
            .With("@digest_cursor", subscription.DigestCursor)
            .With("@last_digest_at", Db.Time(subscription.LastDigestAt))
            .With("@created_at", Db.Time(subscription.CreatedAt))
            .With("@digest_due_at", subscription.Digest is { Enabled: true } schedule
                ? Db.Time(DigestClock.NextAfter(schedule, subscription.LastDigestAt ?? subscription.CreatedAt))
                : null), subscription);

    public async Task<Subscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM subscriptions WHERE id = @id").With("@id", id);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Active and inactive alike (see <see cref="Subscription.Active"/>), oldest first.</summary>
    public async Task<IReadOnlyList<Subscription>> ListForChatAsync(ChatAddress chat, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                $"""
                 SELECT {Columns} FROM subscriptions
                 WHERE platform = @platform AND chat_id = @chat_id AND (user_id IS NULL OR user_id = @user_id)
                 ORDER BY id
                 """)
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId)
            .With("@user_id", userId);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM subscriptions WHERE active = 1 ORDER BY id");
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Through the index of due digests: those whose stored next digest time has come, and those that have
    /// none stored (new, or their schedule changed since their last digest).</summary>
    public async Task<IReadOnlyList<Subscription>> ListDigestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                $"""
                 SELECT {Columns} FROM subscriptions
                 WHERE active = 1 AND digest_enabled = 1 AND (digest_due_at IS NULL OR digest_due_at <= @now)
                 ORDER BY id
                 """)
            .With("@now", Db.Time(now));
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE subscriptions SET filter = @filter, digest_enabled = @digest_enabled, digest_time = @digest_time,
                    digest_tz = @digest_tz, alerts_enabled = @alerts_enabled, alert_min_severity = @alert_min_severity,
                    digest_chart = @digest_chart, digest_due_at = NULL
                WHERE id = @id
                """)
            .With("@id", subscription.Id);
        WithSettings(command, subscription);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the subscription and gives up its messages still queued (an unsubscribed chat gets nothing more).</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using (var drop = connection.Command(
                       """
                       UPDATE outbox SET status = 'failed', failed_at = @at, last_error = 'subscription removed'
                       WHERE subscription_id = @id AND status = 'pending'
                       """, transaction)
                   .With("@id", id)
                   .With("@at", Db.Time(database.Time.GetUtcNow())))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var delete = connection.Command("DELETE FROM subscriptions WHERE id = @id", transaction).With("@id", id);
        var removed = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        transaction.Commit();
        return removed;
    }

    public async Task<int> DeactivateChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE subscriptions SET active = 0, deactivated_reason = @reason
                WHERE platform = @platform AND chat_id = @chat_id AND active = 1
                """)
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId)
            .With("@reason", reason);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountInactiveAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM subscriptions WHERE platform = @platform AND chat_id = @chat_id AND active = 0")
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ReactivateChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                "UPDATE subscriptions SET active = 1, deactivated_reason = NULL WHERE platform = @platform AND chat_id = @chat_id AND active = 0")
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the subscriptions and the pending messages in one transaction. A subscription the new chat already
    /// has (same person and topic) is kept there, and the old chat's duplicate is dropped. Returns how many moved.</summary>
    public async Task<int> MoveChatAsync(ChatAddress from, string newChatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentException.ThrowIfNullOrEmpty(newChatId);
        if (string.Equals(from.ChatId, newChatId, StringComparison.Ordinal))
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        int moved;
        using (var move = connection.Command(
                       "UPDATE OR IGNORE subscriptions SET chat_id = @to WHERE platform = @platform AND chat_id = @from", transaction)
                   .With("@platform", from.Platform).With("@from", from.ChatId).With("@to", newChatId))
        {
            moved = await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var duplicates = connection.Command("DELETE FROM subscriptions WHERE platform = @platform AND chat_id = @from", transaction)
                   .With("@platform", from.Platform).With("@from", from.ChatId))
        {
            await duplicates.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var queued = connection.Command(
                       "UPDATE outbox SET chat_id = @to WHERE platform = @platform AND chat_id = @from AND status = 'pending'", transaction)
                   .With("@platform", from.Platform).With("@from", from.ChatId).With("@to", newChatId))
        {
            await queued.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return moved;
    }

    /// <summary>Adds the settings parameters (filter, schedule, alerts); returns the subscription as it will read back.</summary>
    private static Subscription WithSettings(SqliteCommand command, Subscription subscription)
    {
        var digest = subscription.Digest ?? DigestSchedule.Default;
        var timeOfDay = Db.TimeOfDay(digest.TimeOfDay);
        command.With("@filter", StoredJson.Filter(subscription.Filter))
            .With("@digest_enabled", digest.Enabled)
            .With("@digest_time", timeOfDay)
            .With("@digest_tz", digest.TimeZone)
            .With("@alerts_enabled", subscription.AlertsEnabled)
            .With("@alert_min_severity", subscription.AlertMinSeverity)
            .With("@digest_chart", subscription.DigestChart);
        return subscription with
        {
            Filter = subscription.Filter ?? SubscriptionFilter.None,
            Digest = digest with { TimeOfDay = Db.ParseTimeOfDay(timeOfDay) },
        };
    }

    private static async Task<List<Subscription>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<Subscription>();
        var filters = new Dictionary<string, SubscriptionFilter>(StringComparer.Ordinal);
        var schedules = new Dictionary<(bool, string, string), DigestSchedule>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var filterJson = r.GetString(5);
            if (!filters.TryGetValue(filterJson, out var filter))
            {
                filters[filterJson] = filter = StoredJson.ReadFilter(filterJson);
            }

            var scheduleKey = (r.GetBoolean(6), r.GetString(7), r.GetString(8));
            if (!schedules.TryGetValue(scheduleKey, out var schedule))
            {
                schedules[scheduleKey] = schedule = new DigestSchedule(scheduleKey.Item1, Db.ParseTimeOfDay(scheduleKey.Item2), scheduleKey.Item3);
            }

            list.Add(new Subscription
            {
                Id = r.GetInt64(0),
                Chat = new ChatAddress(r.GetString(1), r.GetString(2)),
                UserId = r.NullableString(3),
                Topic = r.GetString(4),
                Filter = filter,
                Digest = schedule,
                AlertsEnabled = r.GetBoolean(9),
                AlertMinSeverity = r.GetInt32(10),
                Active = r.GetBoolean(11),
                DigestCursor = r.GetInt64(12),
                LastDigestAt = r.NullableTime(13),
                CreatedAt = Db.ParseTime(r.GetString(14)),
                DigestChart = r.GetBoolean(15),
            });
        }

        return list;
    }
}
