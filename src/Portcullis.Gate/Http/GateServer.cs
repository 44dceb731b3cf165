using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gate.Hosting;

namespace Portcullis.Gate.Http;

/// <summary>
/// The gate on Kestrel: <c>/v1/scan</c>, <c>/v1/receipts/{index}</c>, <c>/v1/hooks/claude</c>, the
/// token, policy and override endpoints, <c>/healthz</c> (no token) and <c>/metrics</c> (Prometheus).
/// </summary>
public static class GateServer
{
    public static WebApplication Build(GateServices gate)
    {
        var endpoint = ParseListen(gate.Options.Listen);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Kestrel refuses past this on its own; up to it the endpoint reads an oversized body to answer 413.
            kestrel.Limits.MaxRequestBodySize = gate.Options.MaxRequestBytes * GateEndpoint.DrainFactor;
            kestrel.Listen(endpoint);
        });
        builder.Services.AddSingleton(gate);
        var app = builder.Build();

        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        app.MapGet("/metrics", () => Results.Text(gate.Metrics.Render(gate.Log.Size), "text/plain; version=0.0.4"));
        ScanEndpoints.Map(app, gate);
        HookEndpoints.Map(app, gate);
        AdminEndpoints.Map(app, gate);
        app.MapFallback((HttpContext http) => GateEndpoint.Write(http, JsonAnswer.Error(404, $"no endpoint {http.Request.Method} {http.Request.Path}")));
        return app;
    }

    /// <summary>The address Kestrel actually listens on (port 0 resolves to a free port at start).</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static IPEndPoint ParseListen(string listen) =>
        IPEndPoint.TryParse(listen, out var endpoint) && listen.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new GateConfigurationException($"--listen needs ADDRESS:PORT such as 127.0.0.1:8787, not '{listen}'");
}
