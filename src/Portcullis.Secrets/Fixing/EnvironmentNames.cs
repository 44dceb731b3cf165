using System.Text;
using Portcullis.Secrets.Values;

namespace Portcullis.Secrets;

/// <summary>Environment variable names derived from the name a secret was assigned to (<c>self.dbPassword</c> → <c>DB_PASSWORD</c>).</summary>
internal static class EnvironmentNames
{
    private static readonly HashSet<string> Receivers = new(StringComparer.Ordinal) { "self", "this", "cls", "me", "config", "settings", "options", "opts" };

    public static string? FromIdentifier(string name)
    {
        var words = SecretNames.Words(name).SkipWhile(Receivers.Contains).ToList();
        if (words.Count == 0)
        {
            return null;
        }
        var result = new StringBuilder();
        foreach (var word in words.TakeLast(4))
        {
            if (result.Length > 0)
            {
                result.Append('_');
            }
            result.Append(word.ToUpperInvariant());
        }
        return char.IsAsciiDigit(result[0]) ? "_" + result : result.ToString();
    }
}
