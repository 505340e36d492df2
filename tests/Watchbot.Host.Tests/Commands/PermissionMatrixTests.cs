using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Commands;

/// <summary>Every command that changes something, for every role; only the intended roles succeed, and a refusal changes nothing.</summary>
public sealed class PermissionMatrixTests : IDisposable
{
    private readonly BotFixture bot = new();

    public enum Role { Stranger, Member, ChatAdmin, Curator, Owner }

    private static (string User, bool Admin) Who(Role role) => role switch
    {
        Role.Stranger => ("stranger", false),
        Role.Member => ("member", false),
        Role.ChatAdmin => ("chatadmin", true),
        Role.Curator => ("curator", false),
        _ => ("owner", false),
    };

    // command, the lowest role that may run it in a group (ChatAdmin: chat admins and owners; Curator: curators and owners; Owner: owners)
    public static TheoryData<string, Role, string> Commands => new()
    {
        { "/subscribe karabakh", Role.ChatAdmin, "SELECT COUNT(*) FROM subscriptions" },
        { "/unsubscribe karabakh", Role.ChatAdmin, "SELECT COUNT(*) FROM subscriptions" },
        { "/filter karabakh severity>=4", Role.ChatAdmin, "SELECT COUNT(*) FROM subscriptions WHERE filter LIKE '%minSeverity\":4%'" },
        { "/digest karabakh at 09:00", Role.ChatAdmin, "SELECT COUNT(*) FROM subscriptions WHERE digest_time = '09:00'" },
        { "/alerts karabakh on", Role.ChatAdmin, "SELECT COUNT(*) FROM subscriptions WHERE alerts_enabled = 1" },
        { "/quiet 22:00-07:00", Role.ChatAdmin, "SELECT COUNT(*) FROM chat_settings" },
        { "/snooze 8h", Role.ChatAdmin, "SELECT COUNT(*) FROM chat_settings" },
        { "/admin topic add caucasus \"The South Caucasus\"", Role.Curator, "SELECT COUNT(*) FROM topics" },
        { "/admin event add karabakh escalation 2020-10-04 \"Shelling of Martuni\"", Role.Curator, "SELECT COUNT(*) FROM events" },
        { "/admin approve 1", Role.Curator, "SELECT MAX(seq) FROM events" },
        { "/admin reject 1", Role.Curator, "SELECT MAX(seq) FROM events" },
        { "/admin edit 1 severity=5", Role.Curator, "SELECT MAX(seq) FROM events" },
        { "/admin grant test:member curator", Role.Owner, "SELECT COUNT(*) FROM curators" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Only_the_intended_roles_change_anything(string command, Role lowest, string probe)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            using var fresh = new BotFixture();
            await Arrange(fresh, command);
            var before = await CountAsync(fresh, probe);
            var (user, admin) = Who(role);

            var reply = await fresh.SayAsync(user, command, admin);

            var allowed = Allowed(lowest, role);
            var after = await CountAsync(fresh, probe);
            Assert.True(allowed == (before != after), $"{role} running {command}: '{reply}' ({before} -> {after})");
            if (!allowed)
            {
                Assert.StartsWith("Only ", reply);
            }
        }
    }

    /// <summary>Whether <paramref name="role"/> may run a command whose lowest role is <paramref name="lowest"/>.</summary>
    public static bool Allowed(Role lowest, Role role) => lowest switch
    {
        Role.ChatAdmin => role is Role.ChatAdmin or Role.Owner,
        Role.Curator => role is Role.Curator or Role.Owner,
        _ => role == Role.Owner,
    };

    private static async Task Arrange(BotFixture fresh, string command)
    {
        if (!command.StartsWith("/subscribe", StringComparison.Ordinal))
        {
            await fresh.SayAsync("chatadmin", "/subscribe karabakh", admin: true);
        }

        await fresh.AddEventAsync("A strike to curate");
    }

    public static async Task<long> CountAsync(BotFixture fresh, string sql)
    {
        await using var connection = await fresh.Store.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_member_may_change_their_own_subscription_in_a_group_with_me()
    {
        var reply = await bot.SayAsync("member", "/subscribe karabakh me");
        var filter = await bot.SayAsync("member", "/filter karabakh me kinds=casualties");

        Assert.StartsWith("You now follow karabakh", reply);
        Assert.Equal("Filters of karabakh: kinds=casualties.", filter);
        Assert.Contains("This chat follows no topics.", await bot.SayAsync("member", "/subscriptions"));
    }

    public void Dispose() => bot.Dispose();
}
