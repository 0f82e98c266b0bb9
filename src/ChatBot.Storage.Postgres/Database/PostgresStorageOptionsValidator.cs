using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>With <c>Storage:Provider=postgres</c>, the connection string must parse and name a host: a one-line error otherwise.</summary>
internal sealed class PostgresStorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        return PostgresConnectionString.TryParse(options.ConnectionString, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(error);
    }
}
