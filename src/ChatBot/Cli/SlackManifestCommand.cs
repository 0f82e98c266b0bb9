using System.CommandLine;
using ChatBot.Core.Commands;
using ChatBot.Slack.Manifest;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>slack-manifest [--name Papers] [--request-url https://bot.example.com]</c>: prints a Slack app
/// manifest generated from the command catalog, to paste into "Create an app → From a manifest".
/// Without <c>--request-url</c> the app uses Socket Mode.
/// </summary>
internal static class SlackManifestCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var name = new Option<string>("--name") { Description = "The app's name and bot display name.", DefaultValueFactory = _ => SlackManifest.DefaultAppName };
        var requestUrl = new Option<string?>("--request-url") { Description = "Public base URL of this bot's HTTP endpoints; turns Socket Mode off in the manifest." };
        var command = new Command("slack-manifest", "Print a Slack app manifest (slash commands, scopes, Socket Mode) for this bot.");
        command.Options.Add(name);
        command.Options.Add(requestUrl);
        command.SetAction(parse =>
        {
            Uri? url = null;
            if (parse.GetValue(requestUrl) is { Length: > 0 } text
                && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme != Uri.UriSchemeHttps))
            {
                console.MarkupLineInterpolated($"[red]Error:[/] --request-url must be an absolute https URL (e.g. https://bot.example.com), not '{text}'.");
                return ChatBotCli.Failure;
            }

            console.Profile.Out.Writer.WriteLine(SlackManifest.Build(CommandCatalog.All, parse.GetValue(name) ?? SlackManifest.DefaultAppName, url));
            return ChatBotCli.Success;
        });
        return command;
    }
}
