using System.ComponentModel.DataAnnotations;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>Storage:Provider is litedb (the default) or postgres, in any case; anything else is one line naming the setting.</summary>
public sealed class StorageProviderTests
{
    [Theory]
    [InlineData("litedb", false)]
    [InlineData("LiteDB", false)]
    [InlineData("postgres", true)]
    [InlineData("Postgres", true)]
    public void The_provider_is_litedb_or_postgres_in_any_case(string provider, bool postgres)
    {
        var options = new StorageOptions { Provider = provider };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:Provider", provider)]).Build();

        Assert.Empty(Validate(options));
        Assert.Equal(postgres, options.UsesPostgres);
        Assert.Equal(postgres, StorageOptions.PostgresConfigured(configuration));
    }

    [Fact]
    public void Another_provider_is_refused_with_the_setting_named_and_litedb_is_the_default()
    {
        var error = Assert.Single(Validate(new StorageOptions { Provider = "mysql" }));

        Assert.Equal("Storage:Provider must be litedb (the default) or postgres.", error.ErrorMessage);
        Assert.False(new StorageOptions().UsesPostgres);
        Assert.False(StorageOptions.PostgresConfigured(new ConfigurationBuilder().Build()));
    }

    private static List<ValidationResult> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
