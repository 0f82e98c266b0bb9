namespace ChatBot.Core.Ingestion.Sources;

/// <summary>Helpers for building request addresses from a configured base URL.</summary>
internal static class SourceUris
{
    /// <summary>
    /// A base address that keeps its last path segment when a relative path is resolved against it
    /// (<c>http://host/prefix</c> + <c>api/x</c> is <c>http://host/prefix/api/x</c>, not <c>http://host/api/x</c>).
    /// </summary>
    public static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
