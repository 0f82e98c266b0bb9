using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// A fact that needs the <see cref="PostgresServer"/>: reported as skipped, with how to install PostgreSQL, when its
/// programs are absent, unless <c>CHATBOT_REQUIRE_POSTGRES=1</c> (CI), where the server's start fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
