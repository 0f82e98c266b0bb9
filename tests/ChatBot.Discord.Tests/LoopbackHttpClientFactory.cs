namespace ChatBot.Discord.Tests;

/// <summary>Hands out clients over one shared handler, as the real factory would within a handler lifetime.</summary>
internal sealed class LoopbackHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _handler.Dispose();
}
