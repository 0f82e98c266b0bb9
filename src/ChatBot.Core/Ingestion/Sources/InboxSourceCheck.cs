using System.Globalization;
using ChatBot.Core.Doctor;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// Doctor: when the inbox is on, its folder is a readable folder. A folder that does not exist yet passes:
/// <see cref="InboxSource"/> creates it on the first ingest.
/// </summary>
internal sealed class InboxSourceCheck(IOptionsMonitor<InboxSourceOptions> options, IOptionsMonitor<StorageOptions> storageOptions) : IDoctorCheck
{
    public string Name => "Inbox";

    public Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return Task.FromResult(settings.Enabled ? Check(storageOptions.CurrentValue.Resolve(settings.Path)) : null);
    }

    private CheckResult Check(string folder)
    {
        if (File.Exists(folder))
        {
            return CheckResult.Fail(
                Name,
                $"{folder} is a file, not a folder",
                "Point Sources:Inbox:Path at a folder (a relative path is inside Storage:DataDirectory), or turn the inbox off with Sources__Inbox__Enabled=false.");
        }

        if (!Directory.Exists(folder))
        {
            return CheckResult.Pass(Name, $"{folder} does not exist yet; the first ingest creates it");
        }

        try
        {
            var waiting = Directory.EnumerateFiles(folder).Count(file => !Path.GetFileName(file).StartsWith('.'));
            return CheckResult.Pass(Name, string.Create(CultureInfo.InvariantCulture, $"{folder} is readable; {waiting} file(s) waiting"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Fail(
                Name,
                $"{folder} cannot be read: {e.Message}",
                "Give the bot's user read and write access to the folder (imported files are moved to processed/ or rejected/ inside it).");
        }
    }
}
