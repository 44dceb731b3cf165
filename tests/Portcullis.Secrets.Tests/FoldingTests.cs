using System.Text;
using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

public sealed class FoldingTests
{
    private static readonly string AccessKey = "AKIA" + RandomOf(UpperBase32, 16, 70);

    [Theory]
    [InlineData("python", "key = \"{0}\" + \"{1}\"\n")]
    [InlineData("python", "key = (\"{0}\"\n       \"{1}\")\n")]
    [InlineData("javascript", "const key = '{0}' +\n  '{1}';\n")]
    [InlineData("php", "<?php $key = '{0}' . '{1}';\n")]
    [InlineData("java", "class A {{ String key = \"{0}\" + \"{1}\"; }}\n")]
    public void A_key_split_into_concatenated_pieces_is_found(string language, string template)
    {
        var code = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, AccessKey[..8], AccessKey[8..]);
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == "secrets.aws-access-key-id");
    }

    [Fact]
    public void A_key_encoded_once_is_found()
    {
        var token = GitHubToken("ghp_", 71);
        var base64 = Convert.ToBase64String(Encoding.ASCII.GetBytes(token));
        var hex = Convert.ToHexStringLower(Encoding.ASCII.GetBytes("token=" + token));
        var url = Uri.EscapeDataString("sk_live_" + RandomOf(Base62, 24, 72)).Replace("_", "%5F", StringComparison.Ordinal);
        Assert.Contains(FindSecrets($"blob = \"{base64}\"\n", "python"), f => f.RuleId == "secrets.github-token");
        Assert.Contains(FindSecrets($"blob = \"{hex}\"\n", "python"), f => f.RuleId == "secrets.github-token");
        Assert.Contains(FindSecrets($"blob = \"{url}\"\n", "python"), f => f.RuleId == "secrets.stripe-key");
    }

    [Fact]
    public void Concatenated_ordinary_strings_are_not_flagged()
    {
        Assert.Empty(FindSecrets("message = \"Hello, \" + \"world\" + \"!\"\nlabel = 'AKIA' + 'name'\n", "python"));
    }
}
