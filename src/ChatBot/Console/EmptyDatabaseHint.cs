using ChatBot.Core.Storage;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>Tells a newcomer with an empty database how to get papers into it.</summary>
internal static class EmptyDatabaseHint
{
    public static async Task WriteIfEmptyAsync(IAnsiConsole console, IPaperStore store, StorageOptions storage, CancellationToken cancellationToken)
    {
        var stats = await store.GetCountersAsync(cancellationToken);
        if (stats.Papers > 0)
        {
            return;
        }

        console.MarkupLine($"[yellow]The database in {Markup.Escape(storage.ResolveDataDirectory())} has no papers yet.[/]");
        console.MarkupLine("Import some, e.g. the sample pages: [bold]dotnet run --project src/ChatBot -- import ../shared/seeds[/]");
        console.MarkupLine($"or drop files into {Markup.Escape(storage.Resolve("inbox"))}, or let the Hugging Face source fetch today's list.");
    }
}
