using Microsoft.Extensions.Options;

namespace ChatBot.Slack;

/// <summary>Socket Mode and the HTTP endpoints both answer through the Web API, so either needs the bot token.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.SocketModeEnabled || options.HttpEndpointsEnabled) && string.IsNullOrWhiteSpace(options.BotToken)
            ? ValidateOptionsResult.Fail("Slack:BotToken (the xoxb- bot token) must be set when Slack:AppToken or Slack:SigningSecret is set.")
            : ValidateOptionsResult.Success;
    }
}
