using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Watchbot.Host.Composition;

/// <summary>
/// Runs the whole bot and turns how it ended into an exit code. Every loop survives the store's own errors (locked,
/// full) by itself; an exception that still ends a background service is a bug, and the host is set to stop
/// (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>). Such a stop exits with <see cref="Fatal"/>, never 0,
/// so a supervisor that restarts on failure (systemd's Restart=on-failure) brings the bot back.
/// </summary>
public static class HostRun
{
    public const int Fatal = 1;

    public static async Task<int> RunAsync(IHost host, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await errors.WriteLineAsync($"Watchbot stopped after an unexpected error: {ex.GetBaseException().Message}").ConfigureAwait(false);
            return Fatal;
        }

        var failed = host.Services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(s => s.ExecuteTask is { IsFaulted: true }).ToList();
        if (failed.Count == 0)
        {
            return 0;
        }

        foreach (var service in failed)
        {
            await errors.WriteLineAsync($"Watchbot stopped: {service.GetType().Name} failed ({service.ExecuteTask!.Exception!.GetBaseException().Message}); exit code {Fatal}.").ConfigureAwait(false);
        }

        return Fatal;
    }

    /// <summary>Says deliberately what the host does when a background service fails: it stops (and <see cref="RunAsync"/>
    /// exits non-zero) rather than run on without polling or delivery.</summary>
    public static void StopOnFailure(HostOptions options) => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
}
