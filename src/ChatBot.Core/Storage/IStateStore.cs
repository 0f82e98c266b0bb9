namespace ChatBot.Core.Storage;

/// <summary>
/// Small named values that must survive a restart: cursors, the hash of the last registered
/// command set. Values are strings; callers own their format.
/// </summary>
public interface IStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);
}
