using static Portcullis.Secrets.Tests.SecretsScan;

namespace Portcullis.Secrets.Tests;

public sealed class GenericDetectionTests
{
    private const string Password = "Tr0ub4dor&3x!Qz";

    public static TheoryData<string, string> AssignmentForms() => new()
    {
        { "python", $"db_password = \"{Password}\"\n" },
        { "python", $"connect(host=\"db\", password=\"{Password}\")\n" },
        { "python", $"settings = {{\"api_key\": \"{Password}\"}}\n" },
        { "javascript", $"const apiKey = '{Password}';\n" },
        { "javascript", $"const config = {{ clientSecret: \"{Password}\" }};\n" },
        { "typescript", $"const authToken: string = \"{Password}\";\n" },
        { "java", $"class A {{ private static final String DB_PASSWORD = \"{Password}\"; }}\n" },
        { "java", $"class A {{ void f(DataSource d) {{ d.setPassword(\"{Password}\"); }} }}\n" },
        { "csharp", $"class A {{ const string ApiSecret = \"{Password}\"; }}\n" },
        { "csharp", $"var d = new Dictionary<string, string> {{ {{\"password\", \"{Password}\"}} }};\n" },
        { "go", $"package main\n\nvar secretKey = \"{Password}\"\n" },
        { "go", $"package main\n\nfunc f() {{ token := \"{Password}\"; _ = token }}\n" },
        { "php", $"<?php $password = '{Password}';\n" },
        { "ruby", $"config = {{ :password => \"{Password}\" }}\n" },
        { "kotlin", $"val privateKey = \"{Password}\"\n" },
        { "yaml", $"database:\n  password: {Password}\n" },
        { "json", $"{{\"auth_token\": \"{Password}\"}}" },
        { "dotenv", $"SMTP_PASSWORD={Password}\n" },
        { "properties", $"spring.datasource.password={Password}\n" },
        { "toml", $"[db]\npassword = \"{Password}\"\n" },
        { "xml", $"<add key=\"ApiKey\" value=\"x\" /><password>{Password}</password>" },
        { "bash", $"export GITHUB_TOKEN=\"{Password}\"\n" },
        { "text", $"run it with --api-key={Password}\n" },
    };

    [Theory]
    [MemberData(nameof(AssignmentForms))]
    public void A_secret_named_assignment_is_found_in_every_form(string language, string code)
    {
        var findings = FindSecrets(code, language);
        Assert.Contains(findings, f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("python", "password = os.environ[\"DB_PASSWORD\"]\n")]
    [InlineData("python", "api_key = os.getenv(\"API_KEY\")\n")]
    [InlineData("javascript", "const token = process.env.GITHUB_TOKEN;\n")]
    [InlineData("java", "class A { String password = System.getenv(\"DB_PASSWORD\"); }\n")]
    [InlineData("csharp", "class A { string Secret => configuration[\"Api:Secret\"]; }\n")]
    [InlineData("csharp", "var secret = Environment.GetEnvironmentVariable(\"API_SECRET\");\n")]
    [InlineData("go", "package main\n\nimport \"os\"\n\nvar token = os.Getenv(\"TOKEN\")\n")]
    [InlineData("python", "secret = client.get_secret_value(SecretId=\"prod/db-password\")[\"SecretString\"]\n")]
    [InlineData("csharp", "var password = client.GetSecret(\"db-password\").Value;\n")]
    [InlineData("python", "password = vault.read(\"secret/data/app\")[\"data\"][\"password\"]\n")]
    [InlineData("python", "password_file = \"/run/secrets/db_password\"\n")]
    [InlineData("python", "token_url = \"https://auth.example.com/oauth/token\"\n")]
    [InlineData("python", "password = \"\"\n")]
    [InlineData("python", "password = \"changeme\"\n")]
    [InlineData("yaml", "password: ${DB_PASSWORD}\n")]
    [InlineData("text", "password_id = 2938479\n")]
    [InlineData("typescript", "function login(password: string, token: string) {}\n")]
    [InlineData("python", "if password == expected_password:\n    pass\n")]
    [InlineData("text", "Please enter your password: it must be eight characters long\n")]
    public void Lookups_references_and_descriptions_pass(string language, string code)
    {
        Assert.Empty(FindSecrets(code, language));
    }

    [Theory]
    [InlineData("session_token = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"")]
    [InlineData("commit = \"9fceb02d0ae598e95dc970b74767f19372d61af8\"")]
    [InlineData("<script src=\"app.js\" integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"></script>")]
    [InlineData("password_hash = \"5f4dcc3b5aa765d61d8327deb882cf99\"")]
    [InlineData("checksum = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"")]
    [InlineData("logo = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"")]
    [InlineData("ssh_public_key = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb3nQ6m7vS4bJbq1Tq7p0w8Vf1pP9mN3kXz2QyWcR7d user@host\"")]
    public void Decoys_are_not_flagged(string code)
    {
        Assert.Empty(FindSecrets(code, "python"));
    }

    [Theory]
    [InlineData("go", "package main\n\nfunc f() {\n\tpasswd := q{{h}o)p${e]nob(ody[x>-_$#k3y}},\n}\n")]
    [InlineData("text", "private_key: q{{h}o)p${e]nob(ody[x>-_$#k3y}}\"\n")]
    [InlineData("text", "secrete = Q,.:-¨@*¿?!\n")]
    [InlineData("yaml", "smtp:\n  password: correct horse battery staple\n")]
    [InlineData("text", "db_admin_password = \"correct horse battery staple\"\n")]
    [InlineData("ruby", "signing do\n  storePassword \"Tr0ub4dor&3x!Qz\"\nend\n")]
    public void Values_with_symbols_or_words_that_settings_files_hold_are_found(string language, string code)
    {
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("go", "package main\n\nfunc f() {\n\tpassword := map[string]string{\"a\": b}\n}\n")]
    [InlineData("go", "package main\n\nfunc f() {\n\tpassword := hash(salt[0:4])\n}\n")]
    [InlineData("text", "Password: must be at least eight characters\n")]
    [InlineData("text", "secret = ,.:-¨@*¿?!\n")]
    [InlineData("yaml", "password_policy: at least eight characters\n")]
    [InlineData("yaml", "secret_note: this value is read from the vault at start and never written anywhere\n")]
    [InlineData("python", "password \"Tr0ub4dor&3x!Qz\" if x else y\n")]
    public void Expressions_prose_and_long_sentences_are_not_values(string language, string code)
    {
        Assert.Empty(FindSecrets(code, language));
    }

    [Theory]
    [InlineData("text", "#define password {0x54, 0x72, 0x30, 0x75, 0x62, 0x34, 0x64, 0x30, 0x72}\n")]
    [InlineData("c", "static const char secret[] = {0x54, 0x72, 0x30, 0x75, 0x62, 0x34, 0x64, 0x30, 0x72};\n")]
    public void A_password_spelt_as_character_codes_is_found(string language, string code)
    {
        Assert.Contains(FindSecrets(code, language), f => f.RuleId == SecretRules.GenericId);
    }

    [Theory]
    [InlineData("c", "static const unsigned char secret_salt[] = {0x00, 0x01, 0x9f, 0xff};\n")]
    [InlineData("c", "static const char password_prompt[] = {0x50, 0x61, 0x73, 0x73};\n")]
    [InlineData("c", "#define password {0x70, 0x61, 0x73, 0x73, 0x77, 0x6f, 0x72, 0x64}\n")]
    public void Binary_data_descriptions_and_stock_words_in_character_codes_pass(string language, string code)
    {
        Assert.Empty(FindSecrets(code, language));
    }

    [Fact]
    public void An_assignment_quoted_inside_a_literal_is_found_once_its_escapes_are_undone()
    {
        Assert.Contains(FindSecrets("\"#define\\tpassword\\t\\\"n84ASM54y4\\\"\""), f => f.RuleId == SecretRules.GenericId);
        Assert.Contains(FindSecrets("String config = \"db_password=\\\"Tr0ub4dor&3x!Qz\\\"\";", "java"), f => f.RuleId == SecretRules.GenericId);
        Assert.Empty(FindSecrets("\"#define\\tpassword_hint\\t\\\"n84ASM54y4\\\"\""));
    }

    [Fact]
    public void A_comparison_with_a_secret_named_variable_is_found()
    {
        Assert.Contains(FindSecrets($"if (\"{Password}\" === password) {{ grant(); }}", "javascript"), f => f.RuleId == SecretRules.GenericId);
    }
}
