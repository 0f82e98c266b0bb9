using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Storage.Database;

namespace ChatBot.Admin;

/// <summary>The CLI's side of the admin endpoints: asks the running bot, turns every failure into one line.</summary>
internal sealed class AdminClient(IHttpClientFactory httpClients)
{
    public async Task<BackupReport> BackupAsync(InstanceFile instance, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var http = httpClients.CreateClient(nameof(AdminClient));
        // A large database takes as long as it takes; Ctrl+C cancels the request, and the bot drops the partial copy.
        http.Timeout = Timeout.InfiniteTimeSpan;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Url, AdminEndpoints.BackupPath))
        {
            Content = JsonContent.Create(new BackupRequest(path), options: AdminEndpoints.Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(AdminAccess.Scheme, instance.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ChatBotException($"The database is in use, but the bot ({instance}) does not answer: {e.Message}", e);
        }

        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await ReadAsync<BackupReport>(response, instance, cancellationToken),
                HttpStatusCode.BadRequest => throw new ChatBotException((await ReadAsync<AdminError>(response, instance, cancellationToken)).Error),
                _ => throw new ChatBotException(
                    $"The bot ({instance}) refused the backup ({(int)response.StatusCode} {response.ReasonPhrase}): is the instance file of another bot, or is this an older version?"),
            };
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, InstanceFile instance, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(AdminEndpoints.Json, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new ChatBotException($"The bot ({instance}) answered something unexpected: {e.Message}", e);
        }
    }
}
