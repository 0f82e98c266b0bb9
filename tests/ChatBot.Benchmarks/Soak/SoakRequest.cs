using System.Text.Json.Nodes;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// One command of the soak's mix: <see cref="Text"/> as Slack sends it after <c>/papers</c> (<c>search diffusion</c>),
/// <see cref="DiscordOptions"/> as the same command's <c>data.options</c> in a Discord interaction.
/// </summary>
internal sealed record SoakRequest(string Subcommand, string Text, JsonArray DiscordOptions);
