using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Resilience;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Testing;

/// <summary>
/// The alert delivery service assembled from its pieces as the host registers them, on the stores a test gives.
/// Retry delays are not jittered (<see cref="Backoff.NoJitter"/>), so a test can step the clock past them exactly.
/// </summary>
public static class TestAlertDelivery
{
    public static AlertDeliveryService Create(
        IPaperStore papers,
        IAlertStore alerts,
        IDeliveryLog deliveries,
        IStateStore state,
        IAlertMatcher matcher,
        ChatPlatforms platforms,
        ChatBotMetrics metrics,
        TimeProvider clock,
        AlertOptions? options = null,
        ILoggerFactory? loggers = null)
    {
        var settings = Options.Create(options ?? new AlertOptions());
        loggers ??= NullLoggerFactory.Instance;
        var matching = new AlertMatchRecorder(papers, alerts, deliveries, new AlertCursor(state, papers), matcher, clock, loggers.CreateLogger<AlertMatchRecorder>());
        var messenger = new AlertMessenger(
            alerts, deliveries, papers, platforms, new AlertMessageComposer(settings), new AlertFailurePolicy(settings, Backoff.NoJitter), metrics, loggers.CreateLogger<AlertMessenger>());
        var sending = new AlertSender(deliveries, alerts, new AlertDueCheck(loggers.CreateLogger<AlertDueCheck>()), messenger, metrics, clock, loggers.CreateLogger<AlertSender>());
        return new AlertDeliveryService(matching, sending);
    }
}
