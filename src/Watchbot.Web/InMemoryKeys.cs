using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Watchbot.Web;

/// <summary>The data-protection key ring (sessions, form tokens) kept in memory only: nothing is written to disk (not to
/// ~/.aspnet either), and a restart signs every curator out.</summary>
internal sealed class InMemoryKeys : IXmlRepository
{
    private readonly List<XElement> elements = [];
    private readonly Lock gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate)
        {
            return elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate)
        {
            elements.Add(new XElement(element));
        }
    }
}
