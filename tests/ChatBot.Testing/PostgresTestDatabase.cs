namespace ChatBot.Testing;

/// <summary>One test's own database on the <see cref="PostgresServer"/>; disposing drops it, closing what still connects.</summary>
public sealed class PostgresTestDatabase(string name, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>Trust authentication on loopback: the string holds no password.</summary>
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync() => await drop();
}
