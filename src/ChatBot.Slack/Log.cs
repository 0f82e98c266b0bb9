namespace ChatBot.Slack;

/// <summary>
/// Every log message of ChatBot.Slack, source-generated. Event ids: 4000-4099 Web API,
/// 4100-4199 Socket Mode, 4200-4299 HTTP endpoints, 4300-4399 platform. Never log a token or the signing secret.
/// </summary>
internal static partial class Log
{
}
