using ChatBot.Testing;

namespace ChatBot.Tests;

/// <summary>
/// Points the bot at Discord fakes: a <see cref="LoopbackHttpServer"/> for the REST API and a
/// <see cref="FakeDiscordGateway"/>. Tests map the routes of their own scenario on top.
/// </summary>
internal static class FakeDiscord
{
    public const string ApplicationId = "111";

    /// <summary>
    /// Answers what every start asks the REST API before it connects (where the gateway is: the fake one; the slash
    /// command registration) and sets the settings that lead the bot there.
    /// </summary>
    public static void Connect(EnvironmentVariables environment, LoopbackHttpServer rest, FakeDiscordGateway gateway, string token)
    {
        rest.Map("/api/v10/gateway/bot", _ => ScriptedResponse.Json(
            $$$"""{"url":"{{{gateway.Url}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}"""));
        rest.Map($"/api/v10/applications/{ApplicationId}/commands", _ => ScriptedResponse.Json("[]"));
        Configure(environment, rest, token);
    }

    /// <summary>Only the settings (token, application, REST base URL): enough for commands that call REST but never connect.</summary>
    public static void Configure(EnvironmentVariables environment, LoopbackHttpServer rest, string token)
    {
        environment.Set("Discord__Token", token);
        environment.Set("Discord__ApplicationId", ApplicationId);
        environment.Set("Discord__ApiBaseUrl", new Uri(rest.BaseAddress, "api/v10").AbsoluteUri);
    }
}
