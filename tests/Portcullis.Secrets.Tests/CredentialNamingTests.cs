using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

/// <summary>Credential names beyond the plain words, and values whose shape alone used to hide them.</summary>
public sealed class CredentialNamingTests
{
    [Theory]
    [InlineData("text", "MYSQLPASS: Vq8rTz2pLm4nXw7k\n")]
    [InlineData("text", "dbpwd=Vq8rTz2pLm4nXw7k\n")]
    [InlineData("text", "SMTP_PSWD=Vq8rTz2pLm4nXw7k\n")]
    [InlineData("text", "admin_pw: Vq8rTz2pLm4nXw7k\n")]
    [InlineData("python", "if passwort == \"Vq8rTz2pLm4nXw7k\":\n    pass\n")]
    [InlineData("python", "secreto = \"Vq8rTz2pLm4nXw7k\"\n")]
    [InlineData("text", "PW:=Vq8rTz2pLm4nXw7k\n")]
    [InlineData("makefile", "API_TOKEN ?= \"Vq8rTz2pLm4nXw7k\"\n")]
    [InlineData("c", "char password[32] = \"Vq8rTz2pLm4nXw7k\";\n")]
    public void Compound_misspelt_and_abbreviated_names_are_credential_names(string language, string code)
    {
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("c", "const char *api_key = \"m{{h}o)p${e]nob(ody[finds>-_$#thisone}}\";\n")]
    [InlineData("text", "SET password \"n83.bat47Fy4\"\n")]
    [InlineData("text", "X3_PSWD=d37Yt1Jnv0-z\n")]
    [InlineData("java", "class A { String herokuApiKey = \"4ef357e6-a1eb-4831-9d8b-d54af0c48b52\"; }\n")]
    [InlineData("java", "class A { String discordToken = \"25130226450292771022773629319832\"; }\n")]
    [InlineData("yaml", "data:\n  password: AAAAAAAAAAC7hjsA+H3owFygUv4w5B67lcSx14zff9FCPADiNbSwYWgE\n")]
    [InlineData("text", "helm install app --set registry.password=p7kxotbkmbb3zhhtc3cwx53iwhmnf9xjj3au98ha\n")]
    public void Values_with_braces_dots_uuids_digits_or_runs_are_still_secrets(string language, string code)
    {
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("text", "bypass: enabled\n")]
    [InlineData("text", "secretary = \"Jane.Doe2\"\n")]
    [InlineData("python", "message = \"Hello {name}, your password is below\"\n")]
    [InlineData("python", "password = \"{{password}}\"\n")]
    [InlineData("python", "session_token = \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"\n")]
    [InlineData("python", "client_id = \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"\n")]
    [InlineData("python", "max_tokens = \"4096\"\n")]
    [InlineData("python", "token = \"1234567890123456\"\n")]
    [InlineData("text", "begin 644 file\nM[@%]PW:2Z.Q?2M^S;`4G?E0C.@V&?0KY\n")]
    [InlineData("python", "db_password = settings.database.password\n")]
    public void Look_alikes_are_not_secrets(string language, string code)
    {
        Assert.Empty(FindSecrets(code, language));
    }
}
