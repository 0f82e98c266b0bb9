using ChatBot.Core;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary>The verbs that copy the LiteDB file (backup, restore) have nothing to copy when the stores are in PostgreSQL.</summary>
internal static class PostgresGuard
{
    public static void RefuseFileVerb(IServiceProvider services, string verb)
    {
        if (services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesPostgres)
        {
            throw new ChatBotException(
                $"{verb} copies the LiteDB database file; with Storage:Provider=postgres the data is in PostgreSQL: use pg_dump and pg_restore (docs/postgres.md).");
        }
    }
}
