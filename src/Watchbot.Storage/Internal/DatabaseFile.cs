using Microsoft.Data.Sqlite;

namespace Watchbot.Storage.Internal;

/// <summary>Checks a database path before SQLite touches it, and turns SQLite's file errors into clear sentences.</summary>
internal static class DatabaseFile
{
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteAuth = 23;
    private const int SqliteNotADatabase = 26;

    private static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

    /// <summary>Throws a <see cref="StorageException"/> unless the folder exists and the file is absent, empty or a SQLite database.
    /// Reads at most the 16-byte header and never writes.</summary>
    public static void Check(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw new StorageException(
                $"The folder '{folder}' of the database file '{path}' does not exist; create it (Watchbot does not create folders) or point --db at a file in an existing folder.",
                path);
        }

        if (Directory.Exists(path))
        {
            throw new StorageException($"The database path '{path}' is a folder, not a file; point --db at a file name inside it.", path);
        }

        if (!File.Exists(path))
        {
            return;
        }

        if (!HasSqliteHeader(path))
        {
            throw NotADatabase(path, null);
        }
    }

    /// <summary>True for an empty file (SQLite treats it as a new database) or a file that starts with the SQLite header.</summary>
    public static bool HasSqliteHeader(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                return true;
            }

            Span<byte> header = stackalloc byte[16];
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == header.Length && header.SequenceEqual(Header);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageException(
                $"The database file '{path}' cannot be read (access denied); give Watchbot read and write access to it and its folder, or point --db at another file.",
                path, ex);
        }
        catch (IOException ex)
        {
            throw new StorageException(
                $"The database file '{path}' cannot be read ({ex.Message}); check the disk and the file, or point --db at another file.",
                path, ex);
        }
    }

    public static StorageException NotADatabase(string path, Exception? inner) =>
        new($"The database file '{path}' is not a SQLite database (file is corrupt or not a database); restore it from a backup or point --db at another file.",
            path, inner);

    public static StorageException ReadOnly(string path, Exception? inner) =>
        new($"The database file '{path}' is read-only; give Watchbot write access to the file and its folder, or point --db at another file.",
            path, inner);

    /// <summary>The <see cref="StorageException"/> for a SQLite error about the file itself, or null for any other error.</summary>
    public static StorageException? Translate(string path, SqliteException ex) => (ex.SqliteErrorCode & 0xFF) switch
    {
        SqliteNotADatabase or SqliteCorrupt => NotADatabase(path, ex),
        SqliteReadOnly => ReadOnly(path, ex),
        SqliteCantOpen => new StorageException(
            $"The database file '{path}' cannot be opened (its folder is missing or not writable); check that the folder exists and that Watchbot may write to it, or point --db at another file.",
            path, ex),
        SqlitePerm or SqliteAuth => new StorageException(
            $"The database file '{path}' cannot be opened (access denied); give Watchbot read and write access to it and its folder, or point --db at another file.",
            path, ex),
        SqliteFull => new StorageException(
            $"The database file '{path}' cannot grow: its disk is full or it reached Watchbot:Storage:MaxSizeMb; nothing was half-written. Free some space or raise the limit.", path, ex),
        SqliteBusy or SqliteLocked => new StorageException(
            $"The database file '{path}' is locked by another program (still busy after waiting 10 s); nothing was half-written. Close the other program's transaction.", path, ex),
        SqliteIoError => new StorageException(
            $"The database file '{path}' cannot be read or written (disk I/O error); check the disk and the file's permissions, or point --db at another file.",
            path, ex),
        _ => null,
    };
}
