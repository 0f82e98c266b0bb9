using System.Text.Json;
using ChatBot.Core;
using ChatBot.Storage.Database;

namespace ChatBot.Admin;

/// <summary>
/// <c>POST /admin/backup</c>: the running bot writes a backup of the database it has open (only it can,
/// since it holds the database). Loopback callers with the instance file's token only; anyone else gets
/// 404, as if there were nothing here.
/// </summary>
internal static class AdminEndpoints
{
    public const string BackupPath = "/admin/backup";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(BackupPath, BackupAsync);
        return endpoints;
    }

    private static async Task BackupAsync(HttpContext context)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<AdminAccess>().Allows(context))
        {
            Log.AdminRequestRefused(services.GetRequiredService<ILogger<AdminAccess>>(), BackupPath, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = await ReadAsync(context.Request);
        if (request is not { Path.Length: > 0 } || !Path.IsPathFullyQualified(request.Path))
        {
            await FailAsync(context, "Give the absolute path of the backup to write.");
            return;
        }

        try
        {
            var report = await services.GetRequiredService<DatabaseBackup>().WriteAsync(request.Path, copied: null, context.RequestAborted);
            await context.Response.WriteAsJsonAsync(report, Json, context.RequestAborted);
        }
        catch (ChatBotException e)
        {
            await FailAsync(context, e.Message);
        }
    }

    private static async Task<BackupRequest?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFromJsonAsync<BackupRequest>(Json, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Task FailAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new AdminError(message), Json, context.RequestAborted);
    }
}
