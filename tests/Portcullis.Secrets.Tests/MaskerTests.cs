namespace Portcullis.Secrets.Tests;

public sealed class MaskerTests
{
    [Fact]
    public void A_mask_shows_at_most_four_characters_and_a_salted_fingerprint()
    {
        var masker = new SecretMasker("salt-a");
        var masked = masker.Mask("sk_live_abcdefghijklmnop1234");
        Assert.StartsWith("sk_l…[secret:", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("live_abc", masked, StringComparison.Ordinal);
        Assert.NotEqual(masked, new SecretMasker("salt-b").Mask("sk_live_abcdefghijklmnop1234"));
        Assert.Equal(masked, new SecretMasker("salt-a").Mask("sk_live_abcdefghijklmnop1234"));
    }

    [Fact]
    public void A_short_value_shows_fewer_characters()
    {
        Assert.StartsWith("h…", new SecretMasker().Mask("hunter2"), StringComparison.Ordinal);
    }
}
