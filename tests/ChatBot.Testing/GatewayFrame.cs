using System.Text.Json.Nodes;

namespace ChatBot.Testing;

/// <summary>A frame the <see cref="FakeDiscordGateway"/> received from the client.</summary>
/// <param name="Connection">The 1-based number of the connection it came on.</param>
/// <param name="Op">The opcode (1 heartbeat, 2 identify, 6 resume, ...).</param>
/// <param name="Data">The frame's <c>d</c>.</param>
/// <param name="ElapsedSinceStart">When it arrived, measured from the fake's start.</param>
public sealed record GatewayFrame(int Connection, int Op, JsonNode? Data, TimeSpan ElapsedSinceStart);
