using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.WebApi;

/// <summary>Slack's JSON: snake_case names, absent rather than null fields.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
