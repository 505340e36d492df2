namespace Watchbot.Fakes;

/// <summary>An HTTP client for a test that builds a platform client by hand against a fake server: no client-wide
/// timeout (the platform clients set their own deadlines) and no redirects, as the program's factory gives them.</summary>
public static class TestHttp
{
    public static HttpClient Client(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
}
