using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Doctor (1600-1699)

    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "Doctor: the {Check} check threw")]
    public static partial void DoctorCheckThrew(ILogger logger, string check, Exception exception);
}
