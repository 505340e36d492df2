using System.Net;
using System.Net.Sockets;
using Watchbot.Discord.Gateway;

namespace Watchbot.Discord.Tests;

/// <summary>How gateway connections end: a dead resume URL, a shutdown, a resume-bound reconnect.</summary>
public sealed class GatewayLifecycleTests : GatewayHarness
{
    /// <summary>A loopback port nothing listens on.</summary>
    private static int DeadPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task After_a_failed_connect_to_the_resume_url_it_resumes_through_the_gateway_url_with_back_off()
    {
        fake.ResumeGatewayUrl = $"ws://127.0.0.1:{DeadPort()}/gateway-resume";
        await StartAsync();
        var session = gateway.Session.SessionId;

        await fake.DropAsync();

        Assert.True(await fake.WaitUntilAsync(() => fake.Connections >= 2 && fake.Connected, TimeSpan.FromSeconds(10)), $"never came back; ends: {string.Join("; ", gateway.Ends)}");
        var failed = gateway.Ends.Count(e => e.Kind == ConnectionEndKind.Dropped && !e.Healthy);
        Assert.InRange(failed, 1, 2);
        Assert.StartsWith("/gateway?", fake.GatewayPaths[1], StringComparison.Ordinal);
        // The session was kept for that attempt: it tried to resume first (and this Discord, strict, refused off the resume URL).
        Assert.Equal(1, fake.ResumesOffTheResumeUrl);
        Assert.NotEqual(session, gateway.Session.SessionId);
    }

    [Fact]
    public async Task Shutting_down_closes_the_socket_with_1000()
    {
        await StartAsync();

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(await fake.WaitUntilAsync(() => !fake.ClientCloseCodes.IsEmpty, TimeSpan.FromSeconds(5)), "no close frame");
        Assert.Equal([1000], fake.ClientCloseCodes);
    }

    [Fact]
    public async Task A_reconnect_to_resume_never_closes_with_1000()
    {
        await StartAsync();

        await fake.SendReconnectAsync();

        Assert.True(await fake.WaitUntilAsync(() => fake.Resumes == 1 && fake.Connected));
        Assert.Equal([4000], fake.ClientCloseCodes);
    }
}
