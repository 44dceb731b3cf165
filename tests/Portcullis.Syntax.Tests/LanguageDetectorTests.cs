namespace Portcullis.Syntax.Tests;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("app/views.py", "", "python")]
    [InlineData("Dockerfile", "", "dockerfile")]
    [InlineData("deploy/Dockerfile.prod", "", "dockerfile")]
    [InlineData("requirements.txt", "", "requirements")]
    [InlineData("main.tf", "", "hcl")]
    [InlineData("Component.tsx", "", "tsx")]
    [InlineData("script", "#!/usr/bin/env python3\nprint(1)", "python")]
    [InlineData("run", "#!/bin/bash\necho", "bash")]
    [InlineData("tool", "#!/usr/bin/env -S node --no-warnings\n", "javascript")]
    public void Language_comes_from_name_extension_or_shebang(string path, string content, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(path, content));
    }

    [Fact]
    public void An_unknown_extension_without_shebang_is_unknown_not_guessed()
    {
        Assert.Null(LanguageDetector.Detect("data.xyz", "hello"));
    }

    [Theory]
    [InlineData("py", "python")]
    [InlineData("C#", "csharp")]
    [InlineData("c++", "cpp")]
    [InlineData("terraform", "hcl")]
    public void Aliases_normalize_to_one_language_id(string alias, string expected)
    {
        Assert.Equal(expected, LanguageIds.Normalize(alias));
    }

    [Fact]
    public void Php_without_an_open_tag_uses_the_php_only_grammar()
    {
        Assert.Equal("php_only", LanguageIds.GrammarFor("php", "$x = $_GET['a'];"));
        Assert.Equal("php", LanguageIds.GrammarFor("php", "<?php $x = 1;"));
    }
}
