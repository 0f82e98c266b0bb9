using ChatBot.Core.Chat;
using ChatBot.Core.Doctor;

namespace ChatBot.Slack.Doctor;

/// <summary>How a failed Web API call reads in a doctor row; <c>rejectedFix</c> says which token to replace and where to find it.</summary>
internal static class SlackFailures
{
    private const string BaseUrlFix = "Check Slack:ApiBaseUrl (default https://slack.com/api/) and that this machine can reach it.";

    public static CheckResult Describe(string check, string token, Exception exception, Uri baseUrl, string rejectedFix) => exception switch
    {
        ChatPlatformException { IsCredentialRejected: true } e => CheckResult.Fail(check, $"Slack rejected the {token} ({e.Code})", rejectedFix),
        ChatPlatformException { Code: "missing_scope" } e => CheckResult.Fail(check, $"the {token} lacks a scope this call needs ({e.Code})", rejectedFix),
        ChatPlatformException { IsPermanent: false } e => CheckResult.Fail(check, e.Message, "Slack is failing or rate limiting right now: run doctor again in a few minutes."),

        // http_404 and the like: whatever answers at that address is not Slack's Web API.
        ChatPlatformException e => CheckResult.Fail(check, e.Message, BaseUrlFix),
        _ => CheckResult.Fail(check, $"{baseUrl} did not answer: {exception.Message}", BaseUrlFix),
    };
}
