namespace ChatBot.Testing;

/// <summary>A WebSocket connection the <see cref="FakeDiscordGateway"/> accepted.</summary>
public sealed class GatewayConnectionRecord(int number, string path, string queryString)
{
    public int Number { get; } = number;

    /// <summary><c>/</c> for the gateway URL, <c>/resume</c> for resume_gateway_url.</summary>
    public string Path { get; } = path;

    public string QueryString { get; } = queryString;

    /// <summary>The close code the client sent, or null while open or when it dropped without one.</summary>
    public int? ClientCloseCode { get; internal set; }

    public bool Ended { get; internal set; }
}
