using Microsoft.Extensions.Logging;
using Watchbot.Storage;

namespace Watchbot.Host.Jobs;

/// <summary>How a loop that will run again logs a failure: a storage problem a person can fix (locked, full) as one
/// sentence without a stack trace; anything else with its exception.</summary>
public static class JobFailure
{
    public static void Log(ILogger logger, SqliteStore store, Exception ex, string what)
    {
        if (store.Database.Explain(ex) is { } problem)
        {
            logger.LogWarning("{What} could not use the database: {Problem} It retries on its next run.", what, problem.Message);
            return;
        }

        logger.LogError(ex, "{What} failed; it retries on its next run", what);
    }
}
