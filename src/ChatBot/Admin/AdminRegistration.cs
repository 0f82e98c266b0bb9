using System.Net;
using ChatBot.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace ChatBot.Admin;

internal static class AdminRegistration
{
    /// <summary>
    /// The admin listener (loopback, a free port of its own) beside the public endpoints, the token that guards it, and
    /// the instance file that announces both: the backup command reaches the running bot, which holds the database,
    /// through these. The listen addresses are checked first, since the admin listener joins them.
    /// </summary>
    public static WebApplicationBuilder AddAdminListener(this WebApplicationBuilder builder)
    {
        ConfigurationProblems.ValidateListenAddresses(builder.Configuration);
        var admin = AdminListener.OnFreePort(ListenAddresses.Public(builder.Configuration));
        ListenWithAdmin(builder, admin);
        builder.Services.AddSingleton(admin);
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService<InstanceAnnouncer>();
        return builder;
    }

    /// <summary>
    /// The public endpoints listen where the standard ASP.NET Core settings say (<see cref="ListenAddresses.Public"/>,
    /// loopback port 8080 when none is set); the admin listener joins them on its own loopback port.
    /// </summary>
    private static void ListenWithAdmin(WebApplicationBuilder builder, AdminListener admin)
    {
        if (ListenAddresses.KestrelEndpoints(builder.Configuration).Length > 0)
        {
            // Kestrel's own endpoint settings replace Urls; an endpoint added in code joins them.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, admin.Port));
            return;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = string.Join(';', [.. ListenAddresses.Public(builder.Configuration), admin.Address]),
            // Already expanded into the addresses above (ASP.NET Core would warn that Urls overrides them).
            [WebHostDefaults.HttpPortsKey] = "",
            [WebHostDefaults.HttpsPortsKey] = "",
        });
    }
}
