using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Watchbot.Core.Web;

namespace Watchbot.Web.SignIn;

/// <summary>What a sign-in token says once its signature is checked.</summary>
public sealed record SignInClaim(string ActorKey, DateTimeOffset ExpiresAt, string Nonce);

/// <summary>
/// One-time sign-in links: "actor|expiry|nonce", signed with HMAC-SHA256 under a key made at start and held only in
/// memory, so a link is good only in the process that issued it, and none survives a restart. Single use is the
/// redeemer's part (<see cref="SignInRedeemer"/>), which stores every nonce it accepted.
/// </summary>
/// <param name="publicBase">Where links point: the configured public address, or the address the server listens on.</param>
public sealed class SignInTokens(Func<string> publicBase, byte[]? key = null) : ISignInLinks
{
    private readonly byte[] key = key ?? RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(10);

    public string Issue(string actorKey, DateTimeOffset now) => $"{publicBase().TrimEnd('/')}/signin?token={Token(actorKey, now)}";

    public string Token(string actorKey, DateTimeOffset now)
    {
        var expires = now.Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = Encoding.UTF8.GetBytes($"{actorKey}|{expires}|{nonce}");
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The claim of a token signed here, or null for anything else (forged, altered, malformed). Expiry is
    /// not checked here: the caller says "expired" apart from "not ours".</summary>
    public SignInClaim? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryBase64Url(token[..dot], out var payload) || !TryBase64Url(token[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        return parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? new SignInClaim(parts[0], DateTimeOffset.FromUnixTimeSeconds(expires), parts[2])
            : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
