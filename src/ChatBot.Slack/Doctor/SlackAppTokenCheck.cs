using ChatBot.Core.Chat;
using ChatBot.Core.Doctor;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Doctor;

/// <summary>
/// Doctor: when <c>Slack:AppToken</c> is set (Socket Mode), <c>apps.connections.open</c> accepts it. The URL it
/// returns is not connected to: a doctor run beside the bot must not take its events.
/// </summary>
internal sealed class SlackAppTokenCheck(SlackApiClient api, IOptions<SlackOptions> options) : IDoctorCheck
{
    private const string Fix =
        "Set Slack__AppToken to an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information page under App-Level Tokens.";

    public string Name => "Slack Socket Mode";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SocketModeEnabled)
        {
            return null;
        }

        try
        {
            await api.OpenSocketConnectionAsync(cancellationToken);
            return CheckResult.Pass(Name, "app-level token accepted: Slack offered a Socket Mode connection (not opened)");
        }
        catch (Exception e) when (e is ChatPlatformException or HttpRequestException)
        {
            return SlackFailures.Describe(Name, "app-level token", e, settings.ApiBaseUrl, Fix);
        }
    }
}
