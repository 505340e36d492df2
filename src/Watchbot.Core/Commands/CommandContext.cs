using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands;

/// <summary>Everything a handler needs to know about the call: the arguments, the time, and who is asking.</summary>
/// <param name="Personal">The command is about the sender's own subscriptions: said in a private chat, or with "me".</param>
/// <param name="RawArgs">The arguments as typed (for JSON), control characters removed.</param>
public sealed record CommandContext(
    IncomingCommand Incoming,
    string Name,
    IReadOnlyList<string> Args,
    DateTimeOffset Now,
    bool IsOwner,
    bool IsCurator,
    IReadOnlyList<CommandSpec> Commands,
    bool Personal = false,
    string RawArgs = "")
{
    /// <summary>May change this chat's subscriptions: a private chat's person, a group's admin, or an owner.</summary>
    public bool IsChatAdmin => Incoming.ChatKind == ChatKind.Private || Incoming.IsChatAdmin || IsOwner;

    public string Actor => Incoming.Sender.Key;

    /// <summary>The chat whose subscriptions this command reads and changes: the sender's private chat for personal
    /// commands, the chat it was said in otherwise.</summary>
    public ChatAddress TargetChat => Personal ? Incoming.Sender.PrivateChat : Incoming.Chat;

    /// <summary>The person a personal subscription belongs to; null for a chat's own.</summary>
    public string? TargetUser => Personal ? Incoming.Sender.UserId : null;

    /// <summary>What a command line needs to reach the same subscriptions again: " me" for a personal command said
    /// in a group (in a private chat every command is personal anyway), nothing otherwise. Buttons carry it.</summary>
    public string ScopeWord => Personal && Incoming.ChatKind == ChatKind.Group ? " me" : "";
}
