namespace ChatBot.Discord;

/// <summary>
/// Every log message of ChatBot.Discord, source-generated. Event ids: 3000-3099 REST,
/// 3100-3199 gateway, 3200-3299 interactions, 3300-3399 platform and registration. Never log a token.
/// </summary>
internal static partial class Log
{
}
