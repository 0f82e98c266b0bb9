using ChatBot.Core.Chat;
using ChatBot.Core.Doctor;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Doctor;

/// <summary>
/// Doctor: when <c>Discord:Token</c> is set, Discord accepts it (<c>GET /users/@me</c>, which also proves
/// <c>Discord:ApiBaseUrl</c> answers) and it belongs to <c>Discord:ApplicationId</c> (<c>GET /oauth2/applications/@me</c>).
/// </summary>
internal sealed class DiscordCheck(IDiscordRestClient rest, IOptionsMonitor<DiscordOptions> options) : IDoctorCheck
{
    private const string BaseUrlFix = "Check Discord:ApiBaseUrl (default https://discord.com/api/v10) and that this machine can reach it.";

    public string Name => "Discord";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.GatewayEnabled)
        {
            return null;
        }

        CurrentUser user;
        try
        {
            user = await rest.GetCurrentUserAsync(cancellationToken);
        }
        catch (ChatPlatformException e)
        {
            return Failure(e, settings.ApiBaseUrl);
        }

        var accepted = $"token accepted for bot {user.Username} ({user.Id}) at {settings.ApiBaseUrl}";
        if (settings.ApplicationId?.Trim() is not { Length: > 0 } configured)
        {
            return CheckResult.Pass(Name, accepted);
        }

        ApplicationInfo application;
        try
        {
            application = await rest.GetApplicationInfoAsync(cancellationToken);
        }
        catch (ChatPlatformException e)
        {
            return CheckResult.Warning(Name, $"{accepted}; Discord:ApplicationId not compared: {e.Message}", "Run doctor again later to compare Discord:ApplicationId with the token's application.");
        }

        return application.Id == configured
            ? CheckResult.Pass(Name, $"{accepted}; its application {application.Name} ({application.Id}) is Discord:ApplicationId")
            : CheckResult.Fail(
                Name,
                $"the token belongs to application {application.Name} ({application.Id}), but Discord:ApplicationId is {configured}",
                $"Set Discord__ApplicationId to {application.Id} (General Information tab), or Discord__Token to the bot token of application {configured}.");
    }

    private CheckResult Failure(ChatPlatformException e, Uri baseUrl) => e switch
    {
        { IsCredentialRejected: true } => CheckResult.Fail(
            Name, "Discord rejected the token (401)", "Set Discord__Token to the bot token from the Developer Portal's Bot tab (Reset Token there if it is lost)."),
        { Code: "network" } => CheckResult.Fail(Name, $"{baseUrl} did not answer: {e.InnerException?.Message ?? e.Message}", BaseUrlFix),
        { IsPermanent: false } => CheckResult.Fail(Name, e.Message, "Discord is failing or rate limiting right now: run doctor again in a few minutes."),

        // A 404 or the like: whatever answers at that address is not Discord's API.
        _ => CheckResult.Fail(Name, e.Message, BaseUrlFix),
    };
}
