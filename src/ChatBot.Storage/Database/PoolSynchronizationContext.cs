namespace ChatBot.Storage.Database;

/// <summary>
/// Posts to the thread pool, as the base class does; being a type of its own is what matters: .NET never runs an
/// awaiting task's continuation inline on a thread whose context is not the default one (<see cref="LiteDbCommit"/>).
/// </summary>
internal sealed class PoolSynchronizationContext : SynchronizationContext;
