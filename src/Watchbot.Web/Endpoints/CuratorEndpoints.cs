using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Web.Pages;
using Watchbot.Web.SignIn;

namespace Watchbot.Web.Endpoints;

/// <summary>
/// Curators: sign-in by a one-time link (the link's page asks first, so a chat's link preview cannot spend it), the
/// review queue, and approve, reject, edit and merge run through the /admin handler itself, as the person who signed
/// in, so the page does exactly what the chat commands do and writes the same audit log.
/// </summary>
internal static class CuratorEndpoints
{
    private static readonly string[] Actions = ["approve", "reject", "edit", "merge"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", async (HttpContext http, SignInRedeemer redeemer) =>
        {
            string? token = http.Request.Query["token"];
            var (outcome, claim) = await redeemer.PeekAsync(token, http.RequestAborted);
            return outcome == SignInOutcome.SignedIn
                ? Session.Html(SimplePages.SignInConfirm(claim!.ActorKey, token!, Session.Token(http)))
                : Refused(outcome);
        });

        app.MapPost("/signin", async (HttpContext http, SignInRedeemer redeemer, ILogger<SignInRedeemer> logger) =>
        {
            if (!await Session.FormIsGenuineAsync(http))
            {
                return Session.Forged();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (outcome, claim) = await redeemer.RedeemAsync(form["token"], http.RequestAborted);
            logger.LogInformation("Web sign-in as {Actor}: {Outcome}", claim?.ActorKey ?? "(unreadable link)", outcome);
            if (outcome != SignInOutcome.SignedIn)
            {
                return Refused(outcome);
            }

            await Session.SignInAsync(http, claim!.ActorKey);
            return Results.Redirect("/review", permanent: false, preserveMethod: false);
        });

        app.MapPost("/signout", async (HttpContext http) =>
        {
            if (!await Session.FormIsGenuineAsync(http))
            {
                return Session.Forged();
            }

            await Session.SignOutAsync(http);
            return Results.Redirect("/");
        });

        app.MapGet("/review", async (HttpContext http, IEventStore events, IAuditLog audit, ReviewSettings review, TimeProvider time) =>
        {
            var who = await Session.CuratorAsync(http);
            if (who is null)
            {
                return Session.NotSignedIn();
            }

            var (message, error) = TakeFlash(http);
            return await ReviewAsync(http, who, events, audit, review, time, message, error);
        });

        app.MapPost("/review/{id:long}/{action}", async (long id, string action, HttpContext http, ICommandHandler admin, CuratorCheck curators,
            IEventStore events, IAuditLog audit, ReviewSettings review, TimeProvider time) =>
        {
            var who = await Session.CuratorAsync(http);
            if (who is null)
            {
                return Session.NotSignedIn();
            }

            if (!await Session.FormIsGenuineAsync(http))
            {
                return Session.Forged();
            }

            if (!Actions.Contains(action, StringComparer.Ordinal))
            {
                return Session.Html(SimplePages.Message("Unknown action", $"'{action}' is not approve, reject, edit or merge.", who), StatusCodes.Status404NotFound);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var args = await AdminArgsAsync(id, action, form, events, http.RequestAborted);
            if (args is null)
            {
                return Flash(http, action == "edit" ? "Nothing changed: the fields are as they were." : $"There is no event #{id}.", error: true);
            }

            return Flash(http, await RunAdminAsync(admin, who, curators, args, time, http.RequestAborted), error: false);
        });
    }

    private const string FlashCookie = "watchbot.flash";

    /// <summary>Post, then redirect, then get: the answer rides in a short-lived cookie to the review page, so reloading
    /// it never runs the action twice (a second approve would give the event a new seq and reach subscribers again).</summary>
    private static IResult Flash(HttpContext http, string message, bool error)
    {
        http.Response.Cookies.Append(FlashCookie, (error ? "!" : "") + message, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/review", MaxAge = TimeSpan.FromMinutes(1), IsEssential = true,
        });
        return Results.Redirect("/review", permanent: false, preserveMethod: false);
    }

    private static (string? Message, bool Error) TakeFlash(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(FlashCookie, out var flash) || string.IsNullOrEmpty(flash))
        {
            return (null, false);
        }

        http.Response.Cookies.Delete(FlashCookie, new CookieOptions { Path = "/review" });
        var clipped = flash.Length > 2000 ? flash[..2000] : flash;
        return clipped.StartsWith('!') ? (clipped[1..], true) : (clipped, false);
    }

    /// <summary>The /admin arguments the form stands for, as a curator would type them; null when there is nothing to do.</summary>
    private static async Task<IReadOnlyList<string>?> AdminArgsAsync(long id, string action, IFormCollection form, IEventStore events, CancellationToken cancellationToken)
    {
        var idText = id.ToString(CultureInfo.InvariantCulture);
        switch (action)
        {
            case "merge":
                string? into = form["into"];
                return [action, (into ?? "").Trim().TrimStart('#'), idText];
            case "edit":
                var e = await events.GetAsync(id, cancellationToken);
                if (e is null)
                {
                    return null;
                }

                var changed = ReviewPage.ChangedFields(e, name => form[name]);
                return changed.Count == 0 ? null : [action, idText, .. changed];
            default:
                return [action, idText];
        }
    }

    /// <summary>Runs /admin as the signed-in person, exactly as the router would after its curator check.</summary>
    private static async Task<string> RunAdminAsync(ICommandHandler admin, string actor, CuratorCheck curators, IReadOnlyList<string> args, TimeProvider time, CancellationToken cancellationToken)
    {
        var sender = CuratorCheck.SenderOf(actor);
        var line = "/admin " + string.Join(' ', args);
        var incoming = new IncomingCommand(sender.PrivateChat, ChatKind.Private, sender, IsChatAdmin: true, line);
        var isOwner = curators.IsOwner(actor);
        var context = new CommandContext(incoming, "admin", args, time.GetUtcNow(), isOwner, IsCurator: true, Commands: [], RawArgs: string.Join(' ', args.Skip(1)));
        var reply = await admin.HandleAsync(context, cancellationToken);
        return reply.Message.ToPlainText().Trim();
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, string who, IEventStore events, IAuditLog audit, ReviewSettings review, TimeProvider time,
        string? message, bool error)
    {
        var pending = (await events.ListAsync(new EventQuery { Status = EventStatus.Pending, Limit = 200 }, http.RequestAborted))
            .OrderBy(e => e.Confidence).ThenBy(e => e.Id).ToList();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var recent = await audit.RecentAsync(20, http.RequestAborted);
        return Session.Html(ReviewPage.Render(pending, e => ReviewReason.Of(e, review.ReviewBelow, today), recent, Session.Token(http), who, message, error));
    }

    private static IResult Refused(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Expired => Session.Html(SimplePages.Message("Link expired",
            "This sign-in link is more than 10 minutes old. Send /admin web to the bot again for a new one."), StatusCodes.Status410Gone),
        SignInOutcome.Used => Session.Html(SimplePages.Message("Link already used",
            "This sign-in link has already been used; each link works once. Send /admin web to the bot again for a new one."), StatusCodes.Status410Gone),
        SignInOutcome.NotCurator => Session.Html(SimplePages.Message("Not a curator",
            "The web page's review is for bot owners and curators only, as /admin is in chat. An owner can make you one with /admin grant."), StatusCodes.Status403Forbidden),
        _ => Session.Html(SimplePages.Message("Not a sign-in link",
            "This link is not one the bot made (or it was changed, or the bot restarted since). Send /admin web to the bot for a new one."), StatusCodes.Status400BadRequest),
    };
}
