using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class RoleStoreTests : StoreTest
{
    [Fact]
    public async Task Granting_makes_a_curator_once_and_revoking_undoes_it()
    {
        Assert.False(await Store.Roles.IsCuratorAsync("telegram:5", Ct));

        Assert.True(await Store.Roles.GrantCuratorAsync("telegram:5", "telegram:1", Start, Ct));
        Assert.False(await Store.Roles.GrantCuratorAsync("telegram:5", "discord:2", Start.AddDays(1), Ct));
        Assert.True(await Store.Roles.IsCuratorAsync("telegram:5", Ct));
        Assert.False(await Store.Roles.IsCuratorAsync("telegram:6", Ct));
        var grantedBy = (await MigrationTests.QueryAsync(Store.Database, "SELECT granted_by, granted_at FROM curators"))[0];
        Assert.Equal("telegram:1", grantedBy[0]);
        Assert.Equal("2020-10-04T09:30:00.0000000+00:00", grantedBy[1]);

        Assert.True(await Store.Roles.RevokeCuratorAsync("telegram:5", Ct));
        Assert.False(await Store.Roles.RevokeCuratorAsync("telegram:5", Ct));
        Assert.False(await Store.Roles.IsCuratorAsync("telegram:5", Ct));
    }
}
