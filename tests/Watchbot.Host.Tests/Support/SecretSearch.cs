using System.Text;

namespace Watchbot.Host.Tests.Support;

/// <summary>Looks for a secret in everything a run of the real program left behind: its output, what the platform's
/// fake received, and the SQLite files (database, WAL, shared memory, journal).</summary>
public static class SecretSearch
{
    /// <summary>The places to search: the given texts, then every database file that exists.</summary>
    public static List<(string Where, byte[] Bytes)> Places(string db, params (string Where, string Text)[] texts)
    {
        var places = texts.Select(t => (t.Where, Encoding.UTF8.GetBytes(t.Text))).ToList();
        foreach (var file in new[] { db, db + "-wal", db + "-shm", db + "-journal" }.Where(File.Exists))
        {
            places.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
        }

        return places;
    }

    /// <summary>Fails when any needle is in any place, as UTF-8, as UTF-16 or URL-escaped.</summary>
    public static void AssertNowhere(IEnumerable<(string Where, byte[] Bytes)> places, params string[] needles)
    {
        foreach (var (where, bytes) in places)
        {
            foreach (var needle in needles.Append(Uri.EscapeDataString(needles[0])))
            {
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0, $"the token is in the {where}");
                Assert.False(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0, $"the token is in the {where} (UTF-16)");
            }
        }
    }
}
