using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Doctor;
using ChatBot.Core.Telemetry;
using ChatBot.Slack.Doctor;
using ChatBot.Slack.Http;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Platform;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack;

public static class SlackRegistration
{
    /// <summary>
    /// The Slack platform: options (validated at start), the Web API client, request signing, <see cref="IChatPlatform"/>
    /// keyed <c>slack</c> and the doctor's token checks; the command adapter when Socket Mode or the HTTP endpoints are
    /// on; the Socket Mode worker only when <c>Slack:AppToken</c> is set. The HTTP endpoints are mapped by
    /// <see cref="SlackEndpoints.MapSlackEndpoints"/>.
    /// </summary>
    public static IHostApplicationBuilder AddChatBotSlack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Core registers these too; here so the platform also stands alone (tests, other hosts).
        services.AddMetrics();
        services.TryAddSingleton<ChatBotMetrics>();
        // No HttpClient request logging: IHttpClientFactory's default handlers log every request URI (at
        // Information), and a response_url is a credential. SlackApiClient logs its failures itself, by method.
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();
        services.TryAddSingleton<SlackChannelPacer>();
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<SlackEnvelopeDeduplicator>();
        services.AddKeyedSingleton<IChatPlatform, SlackPlatform>(SlackPlatform.PlatformName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, SlackBotTokenCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, SlackAppTokenCheck>());

        var socketMode = !string.IsNullOrWhiteSpace(builder.Configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.AppToken)}"]);
        var httpEndpoints = !string.IsNullOrWhiteSpace(builder.Configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.SigningSecret)}"]);
        if (socketMode || httpEndpoints)
        {
            // Commands can arrive: Core's invoker (and its shutdown drain) answers them.
            services.AddCommandInvoker();
            services.TryAddSingleton<SlackCommandAdapter>();
        }

        if (socketMode)
        {
            services.TryAddSingleton(new SlackSocketModeSettings());
            services.TryAddSingleton<SlackSocketModeClient>();
            services.TryAddSingleton<SlackSocketModeHealth>();
            services.AddHealthChecks().AddCheck<SlackSocketModeHealth>(SlackPlatform.PlatformName);
            services.AddHostedService<SlackSocketModeWorker>();
        }
        else if (httpEndpoints)
        {
            // Events come over HTTP only: serving /readyz means the endpoints are served too.
            services.AddHealthChecks().AddCheck(SlackPlatform.PlatformName, () => HealthCheckResult.Healthy("HTTP endpoints served at /slack/commands, /slack/actions and /slack/events"));
        }

        return builder;
    }
}
