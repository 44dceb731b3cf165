namespace Portcullis.Secrets.Values;

/// <summary>
/// Keys that providers print in their own documentation. They are not anybody's credential, but code
/// that carries one is usually a copied snippet about to be filled in: reported at low severity, never blocked.
/// </summary>
internal static class DocumentationExamples
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "AKIAIOSFODNN7EXAMPLE", // AWS IAM user guide
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // AWS IAM user guide, secret access key
        "ASIAIOSFODNN7EXAMPLE",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", // Stripe API reference
        "pk_test_TYooMQauvdEDq54NiTphI7jx",
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", // jwt.io
        "xoxb-not-a-real-token-this-will-not-work", // Slack docs
        "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    };

    public static bool IsKnown(string value) =>
        Known.Contains(value) || value.EndsWith("EXAMPLE", StringComparison.Ordinal) && value.Length == 20 && value.StartsWith('A');
}
