using Microsoft.Data.Sqlite;
using Watchbot.Storage.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Storage.Tests;

public sealed class DatabaseFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_file_of_random_bytes_is_refused_and_left_byte_for_byte_unchanged()
    {
        var path = folder.File("random.db");
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<StorageException>(() => new SqliteStore(path).MigrateAsync(CancellationToken.None));

        Assert.Equal(
            $"The database file '{path}' is not a SQLite database (file is corrupt or not a database); restore it from a backup or point --db at another file.",
            error.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
    }

    [Fact]
    public async Task A_text_file_is_refused_on_the_first_repository_call_too()
    {
        var path = folder.File("notes.db");
        await File.WriteAllTextAsync(path, "these are my notes, not a database");

        var store = new SqliteStore(path);
        var error = await Assert.ThrowsAsync<StorageException>(() => store.Cursors.GetAsync("poll", CancellationToken.None));

        Assert.Contains("is not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_database_with_a_damaged_body_is_reported_as_corrupt_not_thrown_raw()
    {
        var path = folder.File("damaged.db");
        var store = new SqliteStore(path);
        await store.MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0xEE;
        }

        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<StorageException>(() => new SqliteStore(path).MigrateAsync(CancellationToken.None));

        Assert.Contains("is not a SQLite database (file is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_reported_and_not_created()
    {
        var missing = Path.Combine(folder.Path, "no", "such", "folder");
        var path = Path.Combine(missing, "watchbot.db");

        var error = await Assert.ThrowsAsync<StorageException>(() => new SqliteStore(path).MigrateAsync(CancellationToken.None));

        Assert.Equal(
            $"The folder '{missing}' of the database file '{path}' does not exist; create it (Watchbot does not create folders) or point --db at a file in an existing folder.",
            error.Message);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task A_folder_given_as_the_database_path_is_reported()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => new SqliteStore(folder.Path).MigrateAsync(CancellationToken.None));

        Assert.Contains("is a folder, not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_taken_as_a_new_database()
    {
        var path = folder.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        var applied = await new SqliteStore(path).MigrateAsync(CancellationToken.None);

        Assert.Equal(Watchbot.Storage.Migrations.MigrationList.All.Select(m => m.Version), applied);
    }

    [Fact]
    public void A_relative_path_is_resolved_to_a_full_path_without_touching_the_disk()
    {
        var database = new SqliteDatabase("some.db");

        Assert.True(Path.IsPathFullyQualified(database.Path));
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "some.db"), database.Path);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_call_before_it_touches_the_file()
    {
        var path = folder.File("cancel.db");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SqliteStore(path).MigrateAsync(cancelled.Token));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_backup_is_a_readable_copy_of_the_live_database()
    {
        var store = new SqliteStore(folder.File("live.db"));
        await store.MigrateAsync(CancellationToken.None);
        var added = await store.Events.AddAsync(Samples.Event("Drone strike near Martuni"), CancellationToken.None);
        await store.Cursors.SetAsync("poll", added.Seq, DateTimeOffset.UtcNow, CancellationToken.None);
        var backupPath = folder.File("backup.db");

        await store.BackupAsync(backupPath, CancellationToken.None);
        await store.Events.AddAsync(Samples.Event("Added after the backup"), CancellationToken.None);

        var copy = new SqliteStore(backupPath);
        Assert.Empty(await copy.MigrateAsync(CancellationToken.None));
        var events = await copy.Events.ListAsync(new Core.Stores.EventQuery(), CancellationToken.None);
        Assert.Equal("Drone strike near Martuni", Assert.Single(events).Summary);
        Assert.Equal(added.Seq, (await copy.Cursors.GetAsync("poll", CancellationToken.None)).Value);
        Assert.Equal(added.Seq, await copy.Events.LastSeqAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_that_is_not_a_database()
    {
        var store = new SqliteStore(folder.File("live.db"));
        await store.MigrateAsync(CancellationToken.None);
        var target = folder.File("precious.txt");
        await File.WriteAllTextAsync(target, "do not overwrite me");

        await Assert.ThrowsAsync<StorageException>(() => store.BackupAsync(target, CancellationToken.None));

        Assert.Equal("do not overwrite me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task A_backup_onto_the_database_itself_is_refused()
    {
        var store = new SqliteStore(folder.File("live.db"));
        await store.MigrateAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<StorageException>(() => store.BackupAsync(store.Path, CancellationToken.None));

        Assert.Contains("is the database itself", error.Message, StringComparison.Ordinal);
    }
}
