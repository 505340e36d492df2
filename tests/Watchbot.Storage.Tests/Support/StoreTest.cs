using Watchbot.Fakes;
namespace Watchbot.Storage.Tests.Support;

/// <summary>A migrated store in a fresh temp folder, with a hand-moved clock.</summary>
public abstract class StoreTest : IAsyncLifetime, IDisposable
{
    protected static readonly DateTimeOffset Start = new(2020, 10, 4, 9, 30, 0, TimeSpan.Zero);

    protected StoreTest()
    {
        Clock = new ManualClock(Start);
        Store = new SqliteStore(Folder.File("watchbot.db"), Clock);
    }

    protected TempFolder Folder { get; } = new();

    protected ManualClock Clock { get; }

    protected SqliteStore Store { get; }

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => await Store.MigrateAsync(Ct);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
