using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Watchbot.Fakes.News;

/// <summary>
/// A news site on 127.0.0.1 (a port the OS picks) for the ingest tests: pages and feeds at paths the test sets, an
/// error status, or a page that never answers. Counts every request per path.
/// </summary>
public sealed class FakeNewsSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    private FakeNewsSite()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string BaseUrl { get; private set; } = "";

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests answered 304 Not Modified, per path.</summary>
    public ConcurrentDictionary<string, int> NotModified { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeNewsSite> StartAsync()
    {
        var site = new FakeNewsSite();
        await site.app.StartAsync().ConfigureAwait(false);
        site.BaseUrl = site.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return site;
    }

    public string Url(string path) => BaseUrl + path;

    public void Serve(string path, string body, string contentType = "text/html; charset=utf-8") =>
        routes[path] = context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).AsTask();
        };

    public void ServeBytes(string path, byte[] body, string contentType) =>
        routes[path] = context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        };

    /// <summary>Serves <paramref name="body"/> with an ETag, and 304 Not Modified to a request whose If-None-Match names it.</summary>
    public void ServeWithETag(string path, string body, string etag, string contentType = "application/rss+xml") =>
        routes[path] = context =>
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                NotModified.AddOrUpdate(path, 1, (_, n) => n + 1);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.ContentType = contentType;
            return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).AsTask();
        };

    /// <summary>Answers <paramref name="status"/> (429 or 503) with Retry-After in seconds.</summary>
    public void FailWithRetryAfter(string path, int status, int seconds) =>
        routes[path] = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };

    public void Fail(string path, int status) =>
        routes[path] = context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        };

    /// <summary>The request is accepted and never answered (until the client gives up or the site stops).</summary>
    public void Hang(string path) =>
        routes[path] = async context =>
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the site is stopping.
            }
        };

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (routes.TryGetValue(path, out var route))
        {
            return route(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }
}
