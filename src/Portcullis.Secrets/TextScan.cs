using System.Text;
using Portcullis.Core;

namespace Portcullis.Secrets;

/// <summary>One secret found in a prompt or other context: where, what kind, and only its masked form.</summary>
public sealed record TextSecret(string RuleId, string Kind, Severity Severity, int Line, int Column, string Masked);

/// <summary>
/// Scans text about to be sent to a model (a prompt, a ticket, a pasted log) for credentials, and
/// produces the same text with each one replaced by its masked marker: the "secrets in prompts" risk.
/// The function behind <c>portcullis scan-text</c> and the gate's API.
/// </summary>
public static class TextScan
{
    public static (IReadOnlyList<TextSecret> Secrets, string Redacted) Run(string text, SecretMasker? masker = null, CancellationToken cancellationToken = default)
    {
        masker ??= SecretMasker.FromEnvironment();
        var candidates = SecretsAnalyzer.Find(text, Syntax.LanguageIds.Text, out _, cancellationToken);
        var secrets = new List<TextSecret>();
        var redacted = new StringBuilder(text.Length);
        var position = 0;
        var line = 1;
        var lineStart = 0;
        foreach (var candidate in candidates)
        {
            for (var i = position; i < candidate.Start; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            var masked = masker.Mask(candidate.Value);
            secrets.Add(new TextSecret(candidate.RuleId, candidate.Kind, candidate.Severity, line, candidate.Start - lineStart + 1, masked));
            redacted.Append(text, position, candidate.Start - position).Append(masked);
            for (var i = candidate.Start; i < candidate.End; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            position = candidate.End;
        }
        redacted.Append(text, position, text.Length - position);
        return (secrets, redacted.ToString());
    }
}
