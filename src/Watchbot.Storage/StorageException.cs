namespace Watchbot.Storage;

/// <summary>
/// The database file cannot be used: the folder is missing or read-only, the file is not a SQLite database,
/// or its schema is newer than this program. The message names the path, the problem and the fix.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public StorageException(string message, string databasePath, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The database file the problem is about, when there is one.</summary>
    public string? DatabasePath { get; }
}
