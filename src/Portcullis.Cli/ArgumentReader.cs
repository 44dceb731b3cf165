namespace Portcullis.Cli;

/// <summary>
/// A small reader for <c>--name value</c>, <c>--name=value</c>, flags and positional arguments. Unknown
/// options are errors: a mistyped flag must not silently change what the gate checks.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                Positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "-")
            {
                Positional.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (flagOptions.Contains(name) && equals < 0)
            {
                _flags.Add(name);
                continue;
            }
            if (!valueOptions.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value");
            }
            if (!_values.TryGetValue(name, out var list))
            {
                _values[name] = list = [];
            }
            list.Add(value);
        }
    }

    public List<string> Positional { get; } = [];

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public bool Flag(string name) => _flags.Contains(name);

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Value(name) ?? fallback;
        return allowed.Contains(value) ? value : throw new UsageException($"{name} must be one of {string.Join(", ", allowed)}, not '{value}'");
    }
}
