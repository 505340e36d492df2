using Microsoft.Extensions.Options;

namespace Watchbot.Web;

/// <summary>Checks Watchbot:Web: one sentence per bad setting, naming the setting and the fix.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>The problems with these settings; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(WebOptions options)
    {
        var problems = new List<string>();
        if (!options.Enabled)
        {
            return problems;
        }

        var urls = (options.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            problems.Add("Watchbot:Web:Urls is empty; set where the web page listens, such as http://127.0.0.1:8080, or set Watchbot:Web:Enabled to false.");
        }

        foreach (var url in urls.Where(u => !IsListenUrl(u)))
        {
            problems.Add($"Watchbot:Web:Urls has '{url}', which is not an http:// address with a port; write it as http://127.0.0.1:8080.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var b) && b.Scheme is "http" or "https"))
        {
            problems.Add($"Watchbot:Web:BaseUrl is '{options.BaseUrl}', which is not an http(s) address; write it as https://watch.example.org, or leave it empty.");
        }

        if (options.SessionLifetime < TimeSpan.FromMinutes(1) || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            problems.Add($"Watchbot:Web:SessionLifetime is {options.SessionLifetime}; it must be between 00:01:00 and 30.00:00:00 (08:00:00 is a working day).");
        }

        return problems;
    }

    private static bool IsListenUrl(string url)
    {
        var normal = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(normal, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Authority.LastIndexOf(':') > uri.Authority.LastIndexOf(']');
    }
}
