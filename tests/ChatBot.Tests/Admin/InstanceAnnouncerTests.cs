using ChatBot.Admin;
using ChatBot.Hosting;

namespace ChatBot.Tests.Admin;

/// <summary>The address the running bot announces to the backup command, from what Kestrel listens on.</summary>
public sealed class InstanceAnnouncerTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    public void A_listening_address_becomes_one_the_command_can_call(string address, string expected)
    {
        Assert.Equal(new Uri(expected), ListenAddresses.LocalUrl([address]));
    }

    [Fact]
    public void Plain_http_is_preferred_over_https()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), ListenAddresses.LocalUrl(["https://127.0.0.1:8443", "http://127.0.0.1:8080"]));
    }

    [Fact]
    public void The_instance_file_never_prints_its_token()
    {
        var instance = new InstanceFile(new Uri("http://127.0.0.1:8080/"), "secret-token-value", 42);

        Assert.DoesNotContain("secret-token-value", instance.ToString(), StringComparison.Ordinal);
        Assert.Equal("ChatBot process 42 at http://127.0.0.1:8080/", instance.ToString());
    }
}
