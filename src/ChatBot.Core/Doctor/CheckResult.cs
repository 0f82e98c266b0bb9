namespace ChatBot.Core.Doctor;

/// <summary>
/// One row of the doctor's report: what was checked, how it came out, what was seen, and for a failure
/// or a warning the fix in one sentence. Nothing in it may hold a token: say a token is set, never what it is.
/// </summary>
public sealed record CheckResult(string Check, CheckStatus Status, string Detail, string? Fix = null)
{
    public static CheckResult Pass(string check, string detail) => new(check, CheckStatus.Pass, detail);

    public static CheckResult Warning(string check, string detail, string fix) => new(check, CheckStatus.Warning, detail, fix);

    public static CheckResult Fail(string check, string detail, string fix) => new(check, CheckStatus.Fail, detail, fix);

    public static CheckResult Skipped(string check, string detail) => new(check, CheckStatus.Skipped, detail);
}
