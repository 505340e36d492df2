namespace Watchbot.Core.Commands;

/// <summary>Who may run a command. Chat admins of a private chat are its one member.</summary>
public enum CommandAccess { Anyone, ChatAdmin, Curator, Owner }

/// <param name="Scoped">Works on a chat's subscriptions or, with "me" (or in a private chat), on the sender's own;
/// a personal command needs no chat-admin rights.</param>
public sealed record CommandSpec(string Name, string Usage, string Summary, CommandAccess Access, string? Details = null, bool Scoped = false);
