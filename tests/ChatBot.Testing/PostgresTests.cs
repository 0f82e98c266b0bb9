namespace ChatBot.Testing;

/// <summary>
/// The name of the xunit collection that shares one <see cref="PostgresServer"/> per test assembly. xunit 2 looks for
/// collection definitions in the test assembly itself, so each assembly that uses the server declares
/// <c>[CollectionDefinition(PostgresTests.Collection)] class …: ICollectionFixture&lt;PostgresServer&gt;</c>.
/// Its classes run one after another (one collection), which also keeps the server's load modest.
/// </summary>
public static class PostgresTests
{
    public const string Collection = "PostgreSQL";
}
