namespace Watchbot.Core.Commands;

/// <summary>Who may run a command. Chat admins of a private chat are its one member.</summary>
public enum CommandAccess { Anyone, ChatAdmin, Curator, Owner }

public sealed record CommandSpec(string Name, string Usage, string Summary, CommandAccess Access, string? Details = null);
