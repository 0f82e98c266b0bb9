using System.Text.Json;
using ChatBot.Core;
using ChatBot.Storage.Database;

namespace ChatBot.Admin;

/// <summary>
/// <c>POST /admin/backup</c>: the running bot writes a backup of the database it has open (only it can,
/// since it holds the database). Served on the <see cref="AdminListener"/> only, to loopback callers with the
/// instance file's token; anyone else gets 404, as if there were nothing here. The public listener answers 404
/// for every <c>/admin</c> path, and the admin listener for everything else.
/// </summary>
internal static class AdminEndpoints
{
    public const string BackupPath = "/admin/backup";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplication MapAdminEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var listener = app.Services.GetRequiredService<AdminListener>();
        app.Use((context, next) =>
        {
            if (listener.Serves(context.Connection) == context.Request.Path.StartsWithSegments(AdminListener.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.MapPost(BackupPath, BackupAsync);
        return app;
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
