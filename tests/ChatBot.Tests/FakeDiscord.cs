using ChatBot.Testing;

namespace ChatBot.Tests;

/// <summary>
/// Points the bot at Discord fakes: a <see cref="LoopbackHttpServer"/> for the REST API (with Discord's
/// command registry, empty at first, and a check of every request: <see cref="FakeDiscordRestApi.ProtocolViolations"/>)
/// and a <see cref="FakeDiscordGateway"/>. Tests map the routes of their own scenario on top.
/// </summary>
internal static class FakeDiscord
{
    public const string ApplicationId = "111";

    /// <summary>
    /// Answers what every start asks the REST API before it connects (where the gateway is: the fake one; which
    /// slash commands Discord has, and their registration) and sets the settings that lead the bot there.
    /// </summary>
    public static FakeDiscordRestApi Connect(EnvironmentVariables environment, LoopbackHttpServer rest, FakeDiscordGateway gateway, string token)
    {
        var api = FakeDiscordRestApi.Attach(rest, ApplicationId);
        api.MapGatewayBot(gateway.Url);
        gateway.ExpectedToken = token;
        Configure(environment, rest, token);
        return api;
    }

    /// <summary>Only the settings (token, application, REST base URL): enough for commands that call REST but never connect.</summary>
    public static void Configure(EnvironmentVariables environment, LoopbackHttpServer rest, string token)
    {
        environment.Set("Discord__Token", token);
        environment.Set("Discord__ApplicationId", ApplicationId);
        environment.Set("Discord__ApiBaseUrl", new Uri(rest.BaseAddress, "api/v10").AbsoluteUri);
    }
}
