using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Storage.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Storage.Tests;

public sealed class StorageLimitTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static EventDraft Big(int i) => Samples.Event(new string('x', 3000) + i);

    [Fact]
    public async Task A_store_at_its_size_limit_refuses_whole_writes_says_why_and_writes_again_once_space_is_freed()
    {
        var store = new SqliteStore(new SqliteDatabase(folder.File("limited.db")) { MaxSizeBytes = 256 * 1024 });
        await store.MigrateAsync(CancellationToken.None);

        SqliteException? full = null;
        var added = 0;
        for (var i = 0; i < 1000 && full is null; i++)
        {
            try
            {
                await store.Events.AddManyAsync([Big(i), Big(i + 10_000)], CancellationToken.None);
                added += 2;
            }
            catch (SqliteException ex)
            {
                full = ex;
            }
        }

        Assert.NotNull(full);
        Assert.Contains("cannot grow", store.Database.Explain(full)!.Message);
        Assert.Equal(added, (await store.Events.ListAsync(new() { Status = null, Limit = 10_000 }, CancellationToken.None)).Count);
        Assert.Equal(added, await store.Events.LastSeqAsync(CancellationToken.None));

        await using (var connection = await store.Database.OpenAsync(CancellationToken.None))
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM events WHERE id % 2 = 0";
            await delete.ExecuteNonQueryAsync();
        }

        await store.Events.AddAsync(Big(-1), CancellationToken.None);
    }

    [Fact]
    public async Task A_write_blocked_by_another_programs_transaction_is_explained_as_locked()
    {
        var path = folder.File("locked.db");
        var store = new SqliteStore(path);
        await store.MigrateAsync(CancellationToken.None);
        await using var other = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO job_cursors (name, value, updated_at) VALUES ('other', 1, '2020-01-01');";
            await begin.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<SqliteException>(() => store.Events.AddAsync(Samples.Event(), CancellationToken.None));

        Assert.Contains("is locked by another program", store.Database.Explain(ex)!.Message);
        Assert.Null(store.Database.Explain(new InvalidOperationException()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
