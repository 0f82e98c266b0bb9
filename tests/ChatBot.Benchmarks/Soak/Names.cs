using System.Text;

namespace ChatBot.Benchmarks.Soak;

/// <summary>Report names of fault kinds: <c>GatewayInvalidSession</c> becomes <c>gateway_invalid_session</c>, <c>Http5xx</c> <c>http_5xx</c>.</summary>
internal static class Names
{
    public static string Of(FaultKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
