using ChatBot.Cluster;
using ChatBot.Hosting;

namespace ChatBot.DailyThreads;

internal static class DailyThreadsRegistration
{
    /// <summary>The worker that posts the daily threads that are due, every minute.</summary>
    public static IHostApplicationBuilder AddDailyThreadWorker(this IHostApplicationBuilder builder)
    {
        builder.AddLeadership();
        builder.Services.AddPeriodicWorker<DailyThreadWorker>();
        return builder;
    }
}
