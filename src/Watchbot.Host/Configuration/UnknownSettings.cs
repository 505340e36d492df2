using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Watchbot.Core.Topics;

namespace Watchbot.Host.Configuration;

/// <summary>
/// Keys under Watchbot that no option reads (Watchbot__Shedule__PollInterval): the binder ignores them silently, so
/// the program names each one, with the closest real key, as a warning at start.
/// </summary>
public static class UnknownSettings
{
    /// <summary>Sections that other parts bind themselves (the chat platforms).</summary>
    private static readonly string[] BoundElsewhere = ["Telegram", "Discord"];

    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var warnings = new List<string>();
        var root = configuration.GetSection(WatchbotOptions.Section);
        Walk(root, typeof(WatchbotOptions), WatchbotOptions.Section, warnings, topLevel: true);
        return warnings;
    }

    private static void Walk(IConfigurationSection section, Type type, string path, List<string> warnings, bool topLevel)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType)).ToList();
        foreach (var child in section.GetChildren())
        {
            if (topLevel && BoundElsewhere.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var closest = TopicNames.Closest(child.Key.ToLowerInvariant(), properties.Select(p => p.Name.ToLowerInvariant()));
                var named = closest is null ? "" : $" (did you mean {path}:{properties.First(p => p.Name.Equals(closest, StringComparison.OrdinalIgnoreCase)).Name}?)";
                warnings.Add($"Warning: {path}:{child.Key} is not a setting Watchbot knows{named}; it is ignored.");
                continue;
            }

            Descend(child, property.PropertyType, $"{path}:{property.Name}", warnings);
        }
    }

    private static void Descend(IConfigurationSection section, Type type, string path, List<string> warnings)
    {
        if (IsList(type))
        {
            var element = type.GetGenericArguments()[0];
            if (IsComplex(element))
            {
                foreach (var item in section.GetChildren())
                {
                    Walk(item, element, $"{path}:{item.Key}", warnings, topLevel: false);
                }
            }

            return;
        }

        if (IsComplex(type))
        {
            Walk(section, type, path, warnings, topLevel: false);
        }
    }

    private static bool IsList(Type type) =>
        type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) && type.GetGenericArguments().Length == 1;

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
