namespace Watchbot.Discord.Gateway;

/// <summary>The last <c>capacity</c> ids seen, so an event replayed after a resume is not handled twice.</summary>
public sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>True when the id is new (and now remembered), false when it was seen already.</summary>
    public bool Add(string id)
    {
        lock (gate)
        {
            if (!ids.Add(id))
            {
                return false;
            }

            order.Enqueue(id);
            if (order.Count > capacity)
            {
                ids.Remove(order.Dequeue());
            }

            return true;
        }
    }
}
