using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Alerts;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>
/// The outbox. Messages are queued in the same transaction as the cursor move that produced them; delivery takes the
/// oldest pending message of each chat, so messages keep their order within a chat.
/// A message queued without a not-before time is due at once (its not_before stays NULL; it reads back as its creation time).
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string Columns =
        "id, platform, chat_id, subscription_id, message, status, attempts, created_at, not_before, platform_message_id, last_error, held, " +
        "(SELECT sections FROM outbox_bodies WHERE outbox_bodies.id = outbox.body_id), parts_sent";

    /// <summary>The body row of each section list already committed by this store: digests of later batches (and runs,
    /// while the list lives) that share the list point at the same row.</summary>
    private readonly ConditionalWeakTable<IReadOnlyList<MessageSection>, StrongBox<long>> bodies = [];

    /// <summary>Queues one message with no cursor: not part of <see cref="IOutboxStore"/> (the program always queues with the
    /// cursor that produced the message); tests and benchmarks fill the outbox with it.</summary>
    public async Task<long> EnqueueAsync(OutboxDraft message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        var ids = await InsertAsync(connection, transaction, [message], cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return ids[0];
    }

    /// <summary>The messages are serialized before the write lock is taken, and each statement is prepared once for the
    /// whole batch. Digests that share one section list (the same object, as the digest run hands out for digests with
    /// the same events) store it once, in outbox_bodies; each outbox row keeps its own title and footer. A queued digest
    /// that names no subscription is linked to its own.</summary>
    public async Task<IReadOnlyList<bool>> EnqueueDigestsAsync(IReadOnlyList<DigestDraft> digests, DateTimeOffset digestAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var moved = new bool[digests.Count];
        if (digests.Count == 0)
        {
            return moved;
        }

        var heads = new string?[digests.Count];
        var newBodies = new Dictionary<IReadOnlyList<MessageSection>, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < digests.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(digests[i]);
            if (digests[i].Message is not { Held: false } draft)
            {
                continue;
            }

            var sections = draft.Message.Sections;
            if (sections.Count == 0)
            {
                heads[i] = StoredJson.Message(draft.Message);
                continue;
            }

            heads[i] = StoredJson.Message(draft.Message with { Sections = [] });
            if (!bodies.TryGetValue(sections, out _) && !newBodies.ContainsKey(sections))
            {
                newBodies[sections] = StoredJson.Sections(sections);
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using var swap = connection.Command(
                """
                UPDATE subscriptions SET digest_cursor = @new, last_digest_at = @at, digest_due_at = @due
                WHERE id = @id AND digest_cursor = @expected
                """, transaction)
            .With("@id", null).With("@expected", null).With("@new", null).With("@due", null)
            .With("@at", Db.Time(digestAt));
        using var insert = connection.Command(
                """
                INSERT INTO outbox (platform, chat_id, subscription_id, kind, message, status, attempts, created_at, not_before, body_id, asked)
                VALUES (@platform, @chat_id, @subscription_id, @kind, @message, 'pending', 0, @created_at, @not_before, @body_id, @asked)
                """, transaction)
            .With("@asked", 0).With("@platform", null).With("@chat_id", null).With("@subscription_id", null).With("@kind", null).With("@message", null)
            .With("@created_at", Db.Time(database.Time.GetUtcNow())).With("@not_before", null).With("@body_id", null);
        using var insertBody = connection.Command("INSERT INTO outbox_bodies (sections) VALUES (@sections) RETURNING id", transaction)
            .With("@sections", null);
        var stored = new Dictionary<IReadOnlyList<MessageSection>, long>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < digests.Count; i++)
        {
            var digest = digests[i];
            swap.Set("@id", digest.SubscriptionId);
            swap.Set("@expected", digest.ExpectedCursor);
            swap.Set("@new", digest.NewCursor);
            swap.Set("@due", Db.Time(digest.NextDigestAt));
            if (await swap.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                continue;
            }

            moved[i] = true;
            if (digest.Message is not { } message)
            {
                continue;
            }

            var draft = message with { SubscriptionId = message.SubscriptionId ?? digest.SubscriptionId };
            if (heads[i] is not { } head)
            {
                await InsertAsync(connection, transaction, [draft], cancellationToken).ConfigureAwait(false);
                continue;
            }

            long? bodyId = null;
            var sections = draft.Message.Sections;
            if (sections.Count > 0)
            {
                if (bodies.TryGetValue(sections, out var committed))
                {
                    bodyId = committed.Value;
                }
                else if (!stored.TryGetValue(sections, out var id))
                {
                    insertBody.Set("@sections", newBodies[sections]);
                    stored[sections] = id = await insertBody.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
                    bodyId = id;
                }
                else
                {
                    bodyId = id;
                }
            }

            insert.Set("@platform", draft.Chat.Platform);
            insert.Set("@chat_id", draft.Chat.ChatId);
            insert.Set("@subscription_id", draft.SubscriptionId);
            insert.Set("@kind", Kind(draft.Message.Kind));
            insert.Set("@message", head);
            insert.Set("@not_before", Db.Time(draft.NotBefore));
            insert.Set("@asked", draft.Asked ? 1 : 0);
            insert.Set("@body_id", bodyId);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();

        // Only now are the new bodies there for later batches to point at.
        foreach (var (sections, id) in stored)
        {
            bodies.AddOrUpdate(sections, new StrongBox<long>(id));
        }

        return moved;
    }

    public async Task<bool> EnqueueWithCursorAsync(string cursorName, long expectedCursor, long newCursor,
        IReadOnlyList<OutboxDraft> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursorName);
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        if (await CursorRows.GetValueAsync(connection, transaction, cursorName, cancellationToken).ConfigureAwait(false) != expectedCursor)
        {
            return false;
        }

        await CursorRows.SetAsync(connection, transaction, cursorName, newCursor, database.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, transaction, messages, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return true;
    }

    public async Task<IReadOnlyList<OutboxMessage>> NextDueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                $"""
                 SELECT {Columns} FROM outbox
                 WHERE id IN (SELECT MIN(id) FROM outbox
                              WHERE platform = @platform AND status = 'pending' AND NOT (held = 1 AND not_before > @now)
                              GROUP BY chat_id)
                   AND (not_before IS NULL OR not_before <= @now)
                 ORDER BY asked DESC, id
                 LIMIT @limit
                 """)
            .With("@platform", platform)
            .With("@now", Db.Time(now))
            .With("@limit", Math.Max(0, limit));
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the send even over a concurrent drop: what the platform accepted was sent.</summary>
    public async Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = @at, platform_message_id = @platform_message_id
                WHERE id = @id AND status <> 'sent'
                """)
            .With("@id", id)
            .With("@at", Db.Time(at))
            .With("@platform_message_id", platformMessageId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkFailedAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE outbox SET status = 'failed', attempts = attempts + 1, failed_at = @at, last_error = @reason
                WHERE id = @id AND status = 'pending'
                """)
            .With("@id", id)
            .With("@at", Db.Time(at))
            .With("@reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE outbox SET attempts = attempts + 1, not_before = @not_before, last_error = @reason, paused = 0
                WHERE id = @id AND status = 'pending'
                """)
            .With("@id", id)
            .With("@not_before", Db.Time(notBefore))
            .With("@reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PauseAsync(long id, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                "UPDATE outbox SET not_before = @not_before, last_error = @reason, paused = 1 WHERE id = @id AND status = 'pending'")
            .With("@id", id)
            .With("@not_before", Db.Time(until))
            .With("@reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ResumeChatAsync(ChatAddress chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE outbox SET not_before = @now, paused = 0
                WHERE platform = @platform AND chat_id = @chat_id AND status = 'pending' AND paused = 1
                """)
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId)
            .With("@now", Db.Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkPartsSentAsync(long id, int partsSent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("UPDATE outbox SET parts_sent = MAX(parts_sent, @parts) WHERE id = @id AND status = 'pending'")
            .With("@id", id)
            .With("@parts", partsSent);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DropPendingForChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                UPDATE outbox SET status = 'failed', failed_at = @at, last_error = @reason
                WHERE platform = @platform AND chat_id = @chat_id AND status = 'pending'
                """)
            .With("@platform", chat.Platform)
            .With("@chat_id", chat.ChatId)
            .With("@at", Db.Time(database.Time.GetUtcNow()))
            .With("@reason", reason);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
        return (int)await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM outbox WHERE id = @id").With("@id", id);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    private async Task<List<long>> InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<OutboxDraft> messages, CancellationToken cancellationToken)
    {
        var ids = new List<long>(messages.Count);
        if (messages.Count == 0)
        {
            return ids;
        }

        using var insert = connection.Command(
                """
                INSERT INTO outbox (platform, chat_id, subscription_id, kind, message, status, attempts, created_at, not_before, asked)
                VALUES (@platform, @chat_id, @subscription_id, @kind, @message, 'pending', 0, @created_at, @not_before, @asked)
                RETURNING id
                """, transaction)
            .With("@asked", 0).With("@platform", null).With("@chat_id", null).With("@subscription_id", null).With("@kind", null).With("@message", null)
            .With("@created_at", Db.Time(database.Time.GetUtcNow())).With("@not_before", null);
        foreach (var draft in messages)
        {
            ArgumentNullException.ThrowIfNull(draft);
            if (draft.Held)
            {
                ids.Add(await HoldAsync(connection, transaction, draft, cancellationToken).ConfigureAwait(false));
                continue;
            }

            insert.Set("@platform", draft.Chat.Platform);
            insert.Set("@chat_id", draft.Chat.ChatId);
            insert.Set("@subscription_id", draft.SubscriptionId);
            insert.Set("@kind", Kind(draft.Message.Kind));
            insert.Set("@message", StoredJson.Message(draft.Message));
            insert.Set("@not_before", Db.Time(draft.NotBefore));
            insert.Set("@asked", draft.Asked ? 1 : 0);
            ids.Add(await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false));
        }

        return ids;
    }

    /// <summary>A held alert joins the chat's pending catch-up message, or starts one; it is released at the latest hold end.</summary>
    private async Task<long> HoldAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxDraft draft, CancellationToken cancellationToken)
    {
        long? existingId = null;
        string? existingMessage = null;
        DateTimeOffset? existingRelease = null;
        using (var find = connection.Command(
                       """
                       SELECT id, message, not_before FROM outbox
                       WHERE platform = @platform AND chat_id = @chat_id AND status = 'pending' AND held = 1 AND parts_sent = 0
                       ORDER BY id DESC LIMIT 1
                       """, transaction)
                   .With("@platform", draft.Chat.Platform)
                   .With("@chat_id", draft.Chat.ChatId))
        {
            await using var r = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (existingId, existingMessage, existingRelease) = (r.GetInt64(0), r.GetString(1), r.NullableTime(2));
            }
        }

        if (existingId is { } id)
        {
            var merged = CatchUp.Merge(StoredJson.ReadMessage(existingMessage!), draft.Message);
            using var update = connection.Command("UPDATE outbox SET message = @message, not_before = @not_before WHERE id = @id", transaction)
                .With("@id", id)
                .With("@message", StoredJson.Message(merged))
                .With("@not_before", Db.Time(Later(existingRelease, draft.NotBefore)));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return id;
        }

        using var insert = connection.Command(
                """
                INSERT INTO outbox (platform, chat_id, subscription_id, kind, message, status, attempts, created_at, not_before, held)
                VALUES (@platform, @chat_id, NULL, 'alert', @message, 'pending', 0, @created_at, @not_before, 1)
                RETURNING id
                """, transaction)
            .With("@platform", draft.Chat.Platform)
            .With("@chat_id", draft.Chat.ChatId)
            .With("@message", StoredJson.Message(CatchUp.Start(draft.Message)))
            .With("@created_at", Db.Time(database.Time.GetUtcNow()))
            .With("@not_before", Db.Time(draft.NotBefore));
        return await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Kind(MessageKind kind) => kind switch
    {
        MessageKind.Digest => "digest",
        MessageKind.Alert => "alert",
        MessageKind.Recap => "recap",
        MessageKind.Reply => "reply",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static async Task<List<OutboxMessage>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<OutboxMessage>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var createdAt = Db.ParseTime(r.GetString(7));
            var message = StoredJson.ReadMessage(r.GetString(4));
            if (!r.IsDBNull(12))
            {
                message = message with { Sections = StoredJson.ReadSections(r.GetString(12)) };
            }

            list.Add(new OutboxMessage
            {
                Id = r.GetInt64(0),
                Chat = new ChatAddress(r.GetString(1), r.GetString(2)),
                SubscriptionId = r.NullableLong(3),
                Message = message,
                Status = Enum.Parse<OutboxStatus>(r.GetString(5), ignoreCase: true),
                Attempts = r.GetInt32(6),
                CreatedAt = createdAt,
                NotBefore = r.NullableTime(8) ?? createdAt,
                PlatformMessageId = r.NullableString(9),
                LastError = r.NullableString(10),
                Held = r.GetInt64(11) == 1,
                PartsSent = r.GetInt32(13),
            });
        }

        return list;
    }
}
