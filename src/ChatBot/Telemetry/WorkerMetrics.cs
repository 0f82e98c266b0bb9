using System.Diagnostics.Metrics;
using ChatBot.Core.Telemetry;

namespace ChatBot.Telemetry;

/// <summary>
/// The host's workers on the bot's <c>ChatBot</c> meter (so <c>/metrics</c> exports them beside Core's):
/// <c>chatbot_worker_ticks_total{worker, outcome}</c> counts each tick that finished, ok or failed. A tick
/// counted is proof that the worker looked at everything due up to then.
/// </summary>
internal sealed class WorkerMetrics
{
    private readonly Counter<long> _ticks;

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _ticks = meterFactory.Create(ChatBotMetrics.MeterName).CreateCounter<long>("worker_ticks_total", "{tick}",
            "Ticks of the ingest, daily-thread and alert workers that finished, per worker and outcome (ok, failed).");
    }

    public void Ticked(string worker, bool succeeded) =>
        _ticks.Add(1, new("worker", worker), new("outcome", succeeded ? "ok" : "failed"));
}
