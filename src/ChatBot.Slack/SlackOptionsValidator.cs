using Microsoft.Extensions.Options;

namespace ChatBot.Slack;

/// <summary>
/// Socket Mode and the HTTP endpoints both answer through the Web API, so either needs the bot token; the Web API
/// base URL carries the tokens, so it must be https (plain http only to a loopback address, e.g. a test fake).
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if ((options.SocketModeEnabled || options.HttpEndpointsEnabled) && string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken (the xoxb- bot token) must be set when Slack:AppToken or Slack:SigningSecret is set.");
        }

        if (options.ApiBaseUrl is { } url && (!url.IsAbsoluteUri || !IsHttpsOrLoopbackHttp(url)))
        {
            failures.Add("Slack:ApiBaseUrl must be an https URL (e.g. https://slack.com/api/); plain http is allowed only to a loopback address such as 127.0.0.1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpsOrLoopbackHttp(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
}
