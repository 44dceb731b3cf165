using Portcullis.Analysis.Matching;

namespace Portcullis.Analysis.Tests;

public sealed class AllowedNamesTests
{
    [Theory]
    [InlineData("^(execute|executemany)$", "execute,executemany")]
    [InlineData("^eval$", "eval")]
    [InlineData("^(query|\\$queryRawUnsafe)$", "$queryRawUnsafe,query")]
    public void A_regex_that_lists_names_becomes_a_name_set(string regex, string names)
    {
        var set = AllowedNames.FromRegex(regex);

        Assert.NotNull(set);
        Assert.Equal(names.Split(','), set.Order(StringComparer.Ordinal));
        Assert.True(AllowedNames.Contains(set, System.Text.Encoding.UTF8.GetBytes(names.Split(',')[0])));
        Assert.False(AllowedNames.Contains(set, "exec"u8));
    }

    [Theory]
    [InlineData("(?i)^(md5|sha1)$")]
    [InlineData("^exec.*$")]
    [InlineData("token|secret")]
    public void Any_other_regex_is_left_to_the_regex_engine(string regex)
    {
        Assert.Null(AllowedNames.FromRegex(regex));
    }
}
