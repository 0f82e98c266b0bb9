using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>One PostgreSQL server for every PostgreSQL test of this assembly.</summary>
[CollectionDefinition(PostgresTests.Collection)]
public sealed class PostgresServerFixture : ICollectionFixture<PostgresServer>;
