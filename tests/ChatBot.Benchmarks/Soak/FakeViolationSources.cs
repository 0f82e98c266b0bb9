using ChatBot.Testing;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The one place the soak asks the shared fakes for the protocol violations they detect themselves. The fakes in
/// <c>tests/ChatBot.Testing</c> do not keep such a list yet, so each reader returns nothing today; when
/// <see cref="FakeDiscordGateway"/> and <see cref="FakeSlackSocketServer"/> gain their
/// <c>IReadOnlyList&lt;string&gt; ProtocolViolations</c>, these two methods return it, and every soak counts them.
/// </summary>
internal static class FakeViolationSources
{
    public static IEnumerable<string> Of(FakeDiscordGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return [];
    }

    public static IEnumerable<string> Of(FakeSlackSocketServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return [];
    }
}
