using ChatBot.Core.Chat;

namespace ChatBot.Slack.SocketMode;

/// <summary>Readiness of Socket Mode: ready while at least one connection said hello and is open.</summary>
internal sealed class SlackSocketModeHealth() : ConnectionHealth("Slack Socket Mode");
