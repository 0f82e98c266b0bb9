using ChatBot.Core.Chat;
using ChatBot.Core.Doctor;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Doctor;

/// <summary>Doctor: when <c>Slack:BotToken</c> is set, <c>auth.test</c> accepts it as a bot token (which also proves <c>Slack:ApiBaseUrl</c> answers).</summary>
internal sealed class SlackBotTokenCheck(SlackApiClient api, IOptions<SlackOptions> options) : IDoctorCheck
{
    private const string Fix = "Set Slack__BotToken to the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, reinstalling the app if it was revoked.";

    public string Name => "Slack bot token";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            return null;
        }

        try
        {
            var identity = await api.AuthTestAsync(cancellationToken);
            return identity.BotId is null
                ? CheckResult.Warning(Name, $"Slack accepted the token, but as user {identity.User} of {identity.Team}, not as a bot", Fix)
                : CheckResult.Pass(Name, $"token accepted for bot user {identity.User} ({identity.UserId}) in {identity.Team} ({identity.TeamId})");
        }
        catch (Exception e) when (e is ChatPlatformException or HttpRequestException)
        {
            return SlackFailures.Describe(Name, "bot token", e, settings.ApiBaseUrl, Fix);
        }
    }
}
