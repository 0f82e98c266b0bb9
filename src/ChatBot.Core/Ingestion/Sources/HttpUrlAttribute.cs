using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>Validates that a <see cref="Uri"/> setting is an absolute http or https address.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is Uri { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
