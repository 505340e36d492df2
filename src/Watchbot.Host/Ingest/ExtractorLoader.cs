using Watchbot.Extraction;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

public static class ExtractorLoader
{
    /// <summary>The extractor with the gazetteer and lexicons of Watchbot:Ingest:ConfigDirectory; a missing or broken file is one clear sentence.</summary>
    public static Extractor Load(IngestOptions options)
    {
        var directory = Paths.BesideProgram(options.ConfigDirectory);
        try
        {
            return Extractor.FromConfigDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new OptionsError($"The extractor's configuration in {directory} (Watchbot:Ingest:ConfigDirectory) cannot be used: {ex.Message}");
        }
    }
}
