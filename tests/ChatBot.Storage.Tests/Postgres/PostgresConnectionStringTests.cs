using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>Storage:ConnectionString is checked at start in one line that names the setting and never shows the password.</summary>
public sealed class PostgresConnectionStringTests
{
    private readonly PostgresStorageOptionsValidator _validator = new();

    [Theory]
    [InlineData(null, "Storage:ConnectionString must be set when Storage:Provider is postgres")]
    [InlineData("  ", "Storage:ConnectionString must be set when Storage:Provider is postgres")]
    [InlineData("Hostt=db;Password=hunter2-secret", "Storage:ConnectionString is not an Npgsql connection string")]
    [InlineData("Host=db;Port=notaport;Password=hunter2-secret", "Storage:ConnectionString is not an Npgsql connection string")]
    [InlineData("Database=chatbot;Password=hunter2-secret", "Storage:ConnectionString names no Host")]
    public void A_wrong_connection_string_fails_in_one_line_without_its_password(string? connectionString, string expected)
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = connectionString });

        var message = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void The_connection_string_matters_only_with_the_postgres_provider_and_a_good_one_passes()
    {
        Assert.True(_validator.Validate(null, new StorageOptions { ConnectionString = "nonsense" }).Succeeded);
        Assert.True(_validator.Validate(null, new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db;Database=chatbot;Username=bot;Password=x" }).Succeeded);
    }

    [Fact]
    public void The_database_is_described_by_host_port_database_and_user_only()
    {
        Assert.True(PostgresConnectionString.TryParse("Host=db;Port=5433;Database=chatbot;Username=bot;Password=hunter2-secret", out var builder, out _));

        Assert.Equal("db:5433/chatbot as bot", PostgresConnectionString.Describe(builder));
    }
}
