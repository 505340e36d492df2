using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class AuditLogTests : StoreTest
{
    [Fact]
    public async Task Recent_entries_come_newest_first_with_who_what_and_when()
    {
        await Store.Audit.AddAsync("telegram:1", "approve", "event 12", Start, Ct);
        await Store.Audit.AddAsync("telegram:1", "reject", "event 13", Start.AddMinutes(1), Ct);
        await Store.Audit.AddAsync("discord:9", "grant", "curator telegram:5", Start.AddMinutes(2), Ct);

        var recent = await Store.Audit.RecentAsync(2, Ct);

        Assert.Equal(2, recent.Count);
        Assert.Equal("discord:9", recent[0].Actor);
        Assert.Equal("grant", recent[0].Action);
        Assert.Equal("curator telegram:5", recent[0].Details);
        Assert.Equal(Start.AddMinutes(2), recent[0].At);
        Assert.Equal("reject", recent[1].Action);
        Assert.True(recent[0].Id > recent[1].Id);
        Assert.Equal(3, (await Store.Audit.RecentAsync(50, Ct)).Count);
    }
}
