using Telegram.Bot.Types;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// Handles updates chat by chat: each chat's updates in order, one at a time, and different chats at once, so one
/// chat's pacing (a flood answered at Telegram's one message a second per chat) never delays another chat's answer.
/// Keeps the low watermark: the first update not yet handled, below which every update is done. Only that may be
/// saved as the offset (and confirmed to Telegram), so an update under way is never skipped by a restart.
/// </summary>
public sealed class ChatLanes(Func<Update, Task> handle)
{
    private readonly Lock gate = new();
    private readonly SortedSet<long> pending = [];
    private readonly Dictionary<long, (Task Tail, long LastId)> tails = [];
    private long highest = -1;
    private TaskCompletionSource progress = NewSignal();

    /// <summary>The offset to save and to poll from: the first update not yet handled (null before any update).</summary>
    public long? Watermark
    {
        get
        {
            lock (gate)
            {
                return pending.Count > 0 ? pending.Min : highest >= 0 ? highest + 1 : null;
            }
        }
    }

    /// <summary>True while any update is being handled or waits for its chat.</summary>
    public bool Busy
    {
        get
        {
            lock (gate)
            {
                return pending.Count > 0;
            }
        }
    }

    /// <summary>Queues the update behind its chat's earlier ones; false when it was queued before (Telegram sends
    /// unconfirmed updates again).</summary>
    public bool Dispatch(Update update)
    {
        lock (gate)
        {
            if (update.Id <= highest)
            {
                return false;
            }

            highest = update.Id;
            pending.Add(update.Id);
            var chat = ChatOf(update);
            var before = tails.TryGetValue(chat, out var tail) ? tail.Tail : Task.CompletedTask;
            tails[chat] = (Task.Run(() => RunAfterAsync(before, chat, update)), update.Id);
            return true;
        }
    }

    /// <summary>Waits until some update finishes, or <paramref name="atMost"/>.</summary>
    public async Task WaitForProgressAsync(TimeSpan atMost, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signal;
        lock (gate)
        {
            signal = progress.Task;
        }

        await Task.WhenAny(signal, Task.Delay(atMost, time, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Every queued update's handling, finished or given up (each has its own stop grace).</summary>
    public Task DrainAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(tails.Values.Select(t => t.Tail));
        }
    }

    private async Task RunAfterAsync(Task before, long chat, Update update)
    {
        await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await handle(update).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the update stays pending, so the watermark stays below it and the next start handles it.
            return;
        }

        TaskCompletionSource done;
        lock (gate)
        {
            pending.Remove(update.Id);
            if (tails.TryGetValue(chat, out var tail) && tail.LastId == update.Id)
            {
                tails.Remove(chat);
            }

            done = progress;
            progress = NewSignal();
        }

        done.TrySetResult();
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.MyChatMember?.Chat.Id
        ?? update.CallbackQuery?.From.Id ?? 0;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
