using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Portcullis.Analysis.Pipeline;
using Portcullis.Cli;
using Portcullis.Syntax;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Http;
using Portcullis.Gate.Identity;

namespace Portcullis.Gate.Tests;

/// <summary>
/// A real gate service for a test: Kestrel on a free loopback port, SQLite state and the ledger
/// in a temporary data folder, the real engine with the embedded rules, and an HttpClient.
/// </summary>
internal sealed class GateServiceHost : IAsyncDisposable
{
    private static readonly Lazy<ScanEngine> SharedEngine = new(() => EngineFactory.Create([], ParseLimits.Default, TextWriter.Null));

    private readonly WebApplication _app;

    private GateServiceHost(string dataDirectory, GateServices gate, WebApplication app, HttpClient client)
    {
        DataDirectory = dataDirectory;
        Gate = gate;
        _app = app;
        Client = client;
    }

    public string DataDirectory { get; }

    public GateServices Gate { get; }

    public HttpClient Client { get; }

    public static async Task<GateServiceHost> Start(Func<GateOptions, GateOptions>? configure = null, ScanEngine? engine = null, TimeProvider? time = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("portcullis-gate-").FullName;
        var options = new GateOptions { DataDirectory = data, Listen = "127.0.0.1:0" };
        options = configure?.Invoke(options) ?? options;
        var gate = GateServices.Open(options, engine ?? SharedEngine.Value, time ?? TimeProvider.System);
        var app = GateServer.Build(gate);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = GateServer.Address(app), Timeout = TimeSpan.FromSeconds(60) };
        return new GateServiceHost(data, gate, app, client);
    }

    /// <summary>Issues a token locally, as <c>portcullis token issue</c> does on the data folder.</summary>
    public string Token(Role role, string subject, string task = "T-1", string repository = "acme/shop", string gitRef = "refs/heads/main") =>
        role == Role.Agent
            ? Gate.Tokens.Issue(role, subject, task, repository, gitRef, null, "local").Token
            : Gate.Tokens.Issue(role, subject, null, null, null, null, "local").Token;

    public async Task<(int Status, JsonElement Body)> Send(HttpMethod method, string path, string? token, string? json = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    public Task<(int Status, JsonElement Body)> Post(string path, string? token, object body) =>
        Send(HttpMethod.Post, path, token, JsonSerializer.Serialize(body));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Gate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
