namespace Portcullis.Secrets.Values;

/// <summary>
/// Whether a variable, key or argument name says it holds a secret (<c>db_password</c>, <c>apiKey</c>,
/// <c>AWS_SECRET</c>, <c>--softlayer-api-key</c>) rather than something about one (<c>password_file</c>,
/// <c>token_url</c>, <c>secret_name</c>, <c>max_token_count</c>).
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwords", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token", "tokens", "apikey", "apikeys",
        "credential", "credentials", "creds", "cred", "auth", "authorization", "privatekey", "bearer", "pat", "psk", "passcode", "pin", "pw", "psw", "pswd", "pword",
    };

    /// <summary>Words before <c>key</c> that make it a credential (<c>api_key</c>, <c>signing_key</c>), unlike <c>sort_key</c>.</summary>
    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "private", "secret", "access", "client", "master", "signing", "encryption", "auth", "app", "account", "consumer",
        "license", "service", "subscription", "storage", "webhook", "session", "hmac", "jwt", "shared", "admin", "root", "write",
        "read", "ingest", "sdk", "server", "dev", "prod", "live", "crypt", "cipher", "aes", "rsa", "ssh", "gpg", "pgp", "token",
    };

    /// <summary>Services and roles written into one word with a password (<c>MYSQLPASS</c>, <c>dbpass</c>, <c>adminpw</c>).</summary>
    private static readonly string[] PasswordOwners =
    [
        "mysql", "mariadb", "postgres", "pg", "psql", "db", "redis", "smtp", "mail", "ftp", "sftp", "ldap", "admin", "root", "user",
        "wifi", "wpa", "proxy", "rabbit", "amqp", "mongo", "sql", "vnc", "rdp", "ssh", "app", "keystore", "truststore", "store", "key", "api",
    ];

    private static readonly string[] PasswordSuffixes = ["pass", "pwd", "pw", "pswd", "psw"];

    /// <summary>
    /// One word that names a password: misspelt or in another language (<c>passworsd</c>, <c>passwort</c>,
    /// <c>secreto</c>), or a service fused with a password abbreviation (<c>mysqlpass</c>, <c>dbpwd</c>).
    /// </summary>
    private static bool IsPasswordWord(string word)
    {
        if (word.StartsWith("passw", StringComparison.Ordinal) || (word.StartsWith("secret", StringComparison.Ordinal) && !word.StartsWith("secretar", StringComparison.Ordinal)))
        {
            return true;
        }
        foreach (var suffix in PasswordSuffixes)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal) && PasswordOwners.Contains(word[..^suffix.Length]))
            {
                return true;
            }
        }
        return word.Length > 3 && word.EndsWith("pwd", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> DescriptiveWords = new(StringComparer.Ordinal)
    {
        "file", "path", "dir", "url", "uri", "endpoint", "name", "names", "id", "ids", "type", "field", "label", "length", "len",
        "prompt", "message", "msg", "header", "hash", "hashed", "digest", "regex", "pattern", "policy", "mode", "format", "count",
        "expiry", "expires", "expiration", "expire", "ttl", "min", "max", "size", "timeout", "enabled", "enable", "required",
        "placeholder", "hint", "help", "description", "desc", "title", "text", "error", "errors", "validator", "validation",
        "strength", "rule", "rules", "env", "var", "variable", "ref", "reference", "arn", "location", "provider", "method",
        "scheme", "kind", "class", "input", "display", "column", "col", "param", "parameter", "icon", "link", "route", "view",
        "template", "version", "algorithm", "alg", "usage", "limit", "limits", "position", "index", "idx", "offset", "prefix",
        "suffix", "separator", "delimiter", "host", "port", "user", "username", "login", "email", "key", "keys", "store", "manager",
        "generator", "factory", "service", "client", "handler", "request", "response", "resource", "event", "events", "status", "source", "sources",
    };

    public static bool IsSecretName(string name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            return false;
        }
        var secret = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (SecretWords.Contains(word) || word.EndsWith("password", StringComparison.Ordinal) || word.EndsWith("passwd", StringComparison.Ordinal)
                || word.EndsWith("token", StringComparison.Ordinal) || word.EndsWith("secret", StringComparison.Ordinal) || word.EndsWith("apikey", StringComparison.Ordinal)
                || IsPasswordWord(word))
            {
                secret = true;
            }
            else if (word == "key" && i > 0 && KeyQualifiers.Contains(words[i - 1]))
            {
                secret = true;
            }
            else if (word.EndsWith("key", StringComparison.Ordinal) && word.Length > 3 && KeyQualifiers.Contains(word[..^3]))
            {
                secret = true;
            }
        }
        // Public values and per-session anti-forgery tokens are not credentials.
        if (!secret || words.Any(w => w is "public" or "csrf" or "xsrf" or "publishable"))
        {
            return false;
        }
        // The last word says what the value is: `password_file` is a path, `api_key_id` an id.
        var last = words[^1];
        return !DescriptiveWords.Contains(last) || last == "key" && words.Count > 1 && KeyQualifiers.Contains(words[^2]);
    }

    /// <summary>Lower-case words of an identifier: split at case changes, digits-to-letters, and any separator.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0 && char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1]))))
            {
                Flush();
            }
            current.Append(char.ToLowerInvariant(c));
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
