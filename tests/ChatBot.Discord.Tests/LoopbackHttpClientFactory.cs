namespace ChatBot.Discord.Tests;

/// <summary>
/// Hands out clients over one shared handler, as the real factory would within a handler lifetime; each
/// attempt times out after <paramref name="attemptTimeout"/> (10 s unless a test wants a timeout to happen).
/// </summary>
internal sealed class LoopbackHttpClientFactory(TimeSpan? attemptTimeout = null) : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = attemptTimeout ?? TimeSpan.FromSeconds(10) };

    public void Dispose() => _handler.Dispose();
}
