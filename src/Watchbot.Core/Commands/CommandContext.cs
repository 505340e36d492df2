namespace Watchbot.Core.Commands;

/// <summary>Everything a handler needs to know about the call: the arguments, the time, and who is asking.</summary>
public sealed record CommandContext(
    IncomingCommand Incoming,
    string Name,
    IReadOnlyList<string> Args,
    DateTimeOffset Now,
    bool IsOwner,
    bool IsCurator,
    IReadOnlyList<CommandSpec> Commands)
{
    /// <summary>May change this chat's subscriptions: a private chat's person, a group's admin, or an owner.</summary>
    public bool IsChatAdmin => Incoming.ChatKind == ChatKind.Private || Incoming.IsChatAdmin || IsOwner;

    public string Actor => Incoming.Sender.Key;
}
