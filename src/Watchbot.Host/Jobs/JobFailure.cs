using Microsoft.Extensions.Logging;
using Watchbot.Storage;

namespace Watchbot.Host.Jobs;

/// <summary>How a loop that will run again logs a failure: a full store once, through <see cref="StoreSpace"/>; another
/// storage problem a person can fix (locked) as one sentence without a stack trace; anything else with its exception.</summary>
public static class JobFailure
{
    public static void Log(ILogger logger, SqliteStore store, Exception ex, string what, StoreSpace? space = null)
    {
        if (store.Database.Explain(ex) is { } problem)
        {
            if (space is not null && SqliteDatabase.IsFull(ex))
            {
                space.Refused(what, problem.Message);
                return;
            }

            logger.LogWarning("{What} could not use the database: {Problem} It retries on its next run.", what, problem.Message);
            return;
        }

        logger.LogError(ex, "{What} failed; it retries on its next run", what);
    }
}
