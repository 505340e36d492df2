namespace Watchbot.Core.Messages;

/// <summary>
/// A picture sent with a message (a digest's chart): a PNG file the bot wrote, its size in pixels and what it shows in
/// words. The outbox keeps only this reference, so a queued message stays small; a transport reads the file when it
/// sends, and sends the text alone when the file is gone.
/// </summary>
public sealed record MessageImage(string Path, int Width, int Height, string Description)
{
    /// <summary>The file's name, as an upload names it.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The picture's bytes, or null when the file is gone (removed after its retention, or a restore).</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
