using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Web.Pages;
using Watchbot.Web.SignIn;

namespace Watchbot.Web.Endpoints;

/// <summary>Who is signed in, checked again against the owners and curators on every request (a revoked curator's
/// session stops working at once), and the antiforgery check every form goes through.</summary>
internal static class Session
{
    public static async Task<string?> CuratorAsync(HttpContext http)
    {
        var actor = http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (actor is null)
        {
            return null;
        }

        var curators = http.RequestServices.GetRequiredService<CuratorCheck>();
        return await curators.IsCuratorAsync(actor, http.RequestAborted).ConfigureAwait(false) ? actor : null;
    }

    public static Task SignInAsync(HttpContext http, string actor)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor)], CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    public static FormToken Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    /// <summary>True when the posted form carries a good antiforgery token for this browser.</summary>
    public static async Task<bool> FormIsGenuineAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    public static IResult Forged() => Html(SimplePages.Message("Refused",
        "This form did not come from this page (its security token is missing or wrong), so nothing was changed. Reload the page and try again."),
        StatusCodes.Status400BadRequest);

    public static IResult NotSignedIn() => Html(SimplePages.Message("Sign in first",
        "This page is for curators and owners. Send /admin web to the bot in a private chat: it answers with a one-time sign-in link."),
        StatusCodes.Status401Unauthorized);
}
