using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>
/// Turns the ways a setting can be wrong into one line naming the setting and what is expected:
/// values the configuration binder cannot convert, and listen addresses that Kestrel could not bind.
/// </summary>
internal static partial class ConfigurationProblems
{
    /// <summary>The binder's "Failed to convert configuration value 'x' at 'A:B' to type 'T'" as one line, or null for anything else.</summary>
    public static string? Describe(InvalidOperationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (BinderFailure().Match(error.Message) is not { Success: true } match)
        {
            return null;
        }

        var (value, key, type) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            "System.TimeSpan" => "a duration such as 00:30:00 (hh:mm:ss) or 1.00:00:00 (a day)",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" => "a number such as 0.5",
            "System.Boolean" => "true or false",
            "System.Uri" => "an absolute URL such as https://example.org",
            _ => $"a value of type {type.Replace("System.", "", StringComparison.Ordinal)}",
        };
        return $"{key} '{value}' is not {expected}";
    }

    /// <summary>
    /// Checks where the bot is told to listen (<c>Urls</c>, or <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> when no
    /// <c>Urls</c> is set) before the host starts, so a typo is one line, not a failed start.
    /// </summary>
    public static void ValidateListenAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = ListenAddresses.Split(configuration[WebHostDefaults.ServerUrlsKey]);
        var failures = urls
            .Where(url => !ListenAddresses.IsValid(url))
            .Select(url => $"Urls '{url}' is not an address to listen on; expected e.g. http://127.0.0.1:8080 (several separated by ';')")
            .ToList();
        if (urls.Length == 0)
        {
            foreach (var key in new[] { WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey })
            {
                var name = key.ToUpperInvariant();
                failures.AddRange(ListenAddresses.Split(configuration[key])
                    .Where(port => !ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    .Select(port => $"{name} (ASPNETCORE_{name}) '{port}' is not a port number; expected e.g. 8080 (several separated by ';')"));
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Urls", typeof(string), failures);
        }
    }

    /// <summary>A data-annotations failure reduced to its own message, which names the setting (the prefix names a C# type).</summary>
    public static string Simplify(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return AnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["error"].Value : failure;
    }

    [GeneratedRegex("^DataAnnotation validation failed for '[^']+' members: '[^']*' with the error: '(?<error>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex AnnotationFailure();

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
