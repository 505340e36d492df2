using Watchbot.Core.Time;

namespace Watchbot.Core.Tests;

/// <summary>Regression from fuzzing the router: "/quiet 23:00-06:30 tz Europe" threw, because on Linux a zone id is a
/// path and "Europe" is a folder.</summary>
public sealed class ZoneIdTests
{
    [Theory]
    [InlineData("Europe")]
    [InlineData("Europe/")]
    [InlineData("America")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Mars/Olympus")]
    [InlineData("Asia//Yerevan")]
    [InlineData("")]
    public void A_folder_a_path_or_an_unknown_name_is_not_a_zone(string id) =>
        Assert.False(ZonedTime.TryFindZone(id, out _));

    [Theory]
    [InlineData("Asia/Yerevan")]
    [InlineData("Europe/Berlin")]
    [InlineData("UTC")]
    [InlineData("Etc/GMT-4")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public void An_iana_zone_is_found(string id) =>
        Assert.True(ZonedTime.TryFindZone(id, out _));
}
