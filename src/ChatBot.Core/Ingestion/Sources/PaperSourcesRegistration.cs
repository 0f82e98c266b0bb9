using System.Net.Http.Headers;
using ChatBot.Core.Doctor;
using ChatBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>Registers the paper sources, their options, their HTTP clients and their doctor checks.</summary>
internal static class PaperSourcesRegistration
{
    /// <summary>Sent with every request, so the APIs we read know who is asking.</summary>
    public const string UserAgent = "ChatBot/1.0 (+https://github.com/chatbot-papers; research-paper bot)";

    internal static void AddPaperSources(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<HuggingFaceSourceOptions>().BindConfiguration(HuggingFaceSourceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ArxivSourceOptions>().BindConfiguration(ArxivSourceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxSourceOptions>().BindConfiguration(InboxSourceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HuggingFaceDailyPapersSource.HttpClientName, client => Identify(client, "application/json"))
            .AddStandardResilienceHandler(resilience => ConfigureResilience(
                resilience, firstRetryDelay: TimeSpan.FromSeconds(2), attemptTimeout: TimeSpan.FromSeconds(20), totalTimeout: TimeSpan.FromSeconds(90)));

        // arXiv is slow, and asks for 3 s between requests: retries start at 3 s and do not jitter below it.
        services.AddHttpClient(ArxivSource.HttpClientName, client => Identify(client, "application/atom+xml"))
            .AddStandardResilienceHandler(resilience =>
            {
                ConfigureResilience(
                    resilience, firstRetryDelay: TimeSpan.FromSeconds(3), attemptTimeout: TimeSpan.FromSeconds(30), totalTimeout: TimeSpan.FromMinutes(2));
                resilience.Retry.UseJitter = false;
            });

        // Sources are singletons holding no HttpClient: each fetch asks the factory for one, so
        // handler rotation (DNS changes) works however long the host runs.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaperSource, HuggingFaceDailyPapersSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaperSource, ArxivSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaperSource, InboxSource>());

        // The doctor's probes: one plain request each, no retries (the doctor's time limit bounds them).
        services.AddHttpClient(SourceProbe.HttpClientName, client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.MaxResponseContentBufferSize = SourceProbe.MaxResponseBytes;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, HuggingFaceSourceCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, ArxivSourceCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, InboxSourceCheck>());
    }

    private static void Identify(HttpClient client, string accept)
    {
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
    }

    /// <summary>
    /// The standard pipeline (rate limiter, total timeout, retry, circuit breaker, attempt timeout)
    /// with its retry handling 5xx, 408, 429 and network errors with exponential backoff, and
    /// waiting as long as a <c>Retry-After</c> header says when the server sends one.
    /// </summary>
    private static void ConfigureResilience(
        HttpStandardResilienceOptions options, TimeSpan firstRetryDelay, TimeSpan attemptTimeout, TimeSpan totalTimeout)
    {
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.Delay = firstRetryDelay;
        options.Retry.ShouldRetryAfterHeader = true;
        options.AttemptTimeout.Timeout = attemptTimeout;
        options.TotalRequestTimeout.Timeout = totalTimeout;

        // The breaker must sample at least two attempt timeouts (the options validate this).
        options.CircuitBreaker.SamplingDuration = attemptTimeout * 2;
    }
}
