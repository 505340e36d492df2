using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Watchbot.Host.Composition;
using Watchbot.Fakes;

namespace Watchbot.Host.Tests;

public sealed class HostRunTests
{
    [Fact]
    public async Task A_background_service_that_fails_stops_the_host_with_a_non_zero_exit_code()
    {
        using var host = Build(new Failing());
        var errors = new StringWriter();

        var code = await RunWithinAsync(host, errors);

        Assert.Equal(HostRun.Fatal, code);
        Assert.Contains("Failing failed (a bug in a loop)", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_stopped_on_purpose_exits_with_zero()
    {
        using var host = Build(new Idle());
        var errors = new StringWriter();
        var run = RunWithinAsync(host, errors);
        await Task.Delay(200);
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal(0, await run);
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void The_bot_is_built_to_stop_when_a_background_service_fails()
    {
        using var temp = new TempFolder();
        using var host = WatchbotHostFactory.Build(temp.File("watchbot.db"), HostMode.Run);

        Assert.Equal(BackgroundServiceExceptionBehavior.StopHost, host.Services.GetRequiredService<IOptions<HostOptions>>().Value.BackgroundServiceExceptionBehavior);
    }

    private static IHost Build(IHostedService service)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.Configure<HostOptions>(HostRun.StopOnFailure);
        builder.Services.AddSingleton(service);
        return builder.Build();
    }

    private static async Task<int> RunWithinAsync(IHost host, TextWriter errors)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await HostRun.RunAsync(host, errors, deadline.Token);
    }

    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(50, stoppingToken);
            throw new InvalidOperationException("a bug in a loop");
        }
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
