using ChatBot.Testing;

namespace ChatBot.Tests;

/// <summary>
/// One PostgreSQL server for this assembly's PostgreSQL tests. They set process environment variables (the bot's
/// Storage settings), so, like the <see cref="ProcessEnvironment"/> collection, they run alone.
/// </summary>
[CollectionDefinition(PostgresTests.Collection, DisableParallelization = true)]
public sealed class PostgresServerFixture : ICollectionFixture<PostgresServer>;
