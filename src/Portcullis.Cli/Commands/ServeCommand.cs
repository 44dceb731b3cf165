using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Portcullis.Gate.Hosting;
using Portcullis.Gate.Http;
using Portcullis.Syntax;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis serve --data DIR [--listen ADDRESS:PORT] [--postgres CONN] [--config FILE]
/// [--completion-deadline-ms N] [--file-deadline-ms N] [--max-request-bytes N] [--rules PATH]</c>:
/// the gate service on Kestrel until interrupted. Settings: the JSON config file, then PORTCULLIS_*
/// environment variables, then flags.
/// </summary>
internal static class ServeCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgumentReader(args, ["--data", "--listen", "--postgres", "--config", "--completion-deadline-ms", "--file-deadline-ms", "--max-request-bytes", "--rules"], []);
        var data = reader.Value("--data") ?? throw new UsageException("serve needs --data DIR (where the gate keeps its state and decision log)");
        GateOptions options;
        try
        {
            options = Configure(reader, data);
            GateServer.ParseListen(options.Listen);
        }
        catch (GateConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
        var engine = EngineFactory.Create(reader.Values("--rules"), ParseLimits.Default, stderr);
        using var gate = GateServices.Open(options, engine, TimeProvider.System);
        var app = GateServer.Build(gate);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        app.StartAsync(stop.Token).GetAwaiter().GetResult();
        stdout.WriteLine($"portcullis: gate listening on {GateServer.Address(app)} (data {Path.GetFullPath(data)}, policy {gate.Policies.Current.Version} {gate.Policies.Current.Digest})");
        stdout.Flush();
        app.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return ExitCodes.Allow;
    }

    private static GateOptions Configure(ArgumentReader reader, string data)
    {
        var options = new GateOptions { DataDirectory = data };
        if (reader.Value("--config") is { } config)
        {
            options = FromFile(options, config);
        }
        options = GateOptions.FromEnvironment(options, Environment.GetEnvironmentVariable);
        if (reader.Value("--listen") is { } listen)
        {
            options = options with { Listen = listen };
        }
        if (reader.Value("--postgres") is { } postgres)
        {
            options = options with { PostgresConnectionString = postgres };
        }
        if (reader.Value("--completion-deadline-ms") is { } completion)
        {
            options = options with { CompletionDeadline = TimeSpan.FromMilliseconds(GateOptions.PositiveNumber(completion, "--completion-deadline-ms")) };
        }
        if (reader.Value("--file-deadline-ms") is { } file)
        {
            options = options with { FileDeadline = TimeSpan.FromMilliseconds(GateOptions.PositiveNumber(file, "--file-deadline-ms")) };
        }
        if (reader.Value("--max-request-bytes") is { } bytes)
        {
            options = options with { MaxRequestBytes = (long)GateOptions.PositiveNumber(bytes, "--max-request-bytes") };
        }
        return options;
    }

    /// <summary>A JSON object with the same names as the environment variables, without the prefix, in camel case.</summary>
    private static GateOptions FromFile(GateOptions options, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = "PORTCULLIS_" + string.Concat(property.Name.Select(c => char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
                values[name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
            var known = new[] { "PORTCULLIS_LISTEN", "PORTCULLIS_POSTGRES", "PORTCULLIS_COMPLETION_DEADLINE_MS", "PORTCULLIS_FILE_DEADLINE_MS", "PORTCULLIS_MAX_REQUEST_BYTES", "PORTCULLIS_RATE_PER_SECOND", "PORTCULLIS_RATE_BURST" };
            if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            {
                throw new UsageException($"{path}: unknown setting for {unknown}; known: listen, postgres, completionDeadlineMs, fileDeadlineMs, maxRequestBytes, ratePerSecond, rateBurst");
            }
            return GateOptions.FromEnvironment(options, name => values.GetValueOrDefault(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            throw new UsageException($"cannot read the config file {path}: {e.Message}");
        }
    }
}
