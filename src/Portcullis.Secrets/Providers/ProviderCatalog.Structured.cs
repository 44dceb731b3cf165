namespace Portcullis.Secrets.Providers;

internal static partial class ProviderCatalog
{
    /// <summary>Credentials recognised by their structure rather than a vendor prefix: keys, JWTs, URIs with passwords.</summary>
    private static IEnumerable<ProviderPattern> Structured() =>
    [
        // PEM (PKCS#1, PKCS#8, SEC1, encrypted), OpenSSH and PGP private blocks; the END line may be missing in a truncated paste.
        new("private-key", "secrets.private-key", "Private key", "PRIVATE_KEY", ["PRIVATE KEY"],
            @"-----BEGIN[ A-Z0-9_-]{0,30}PRIVATE KEY(?: BLOCK)?-----(?<secret>[\s\S]{12,16000}?)(?:-----END[ A-Z0-9_-]{0,30}PRIVATE KEY(?: BLOCK)?-----|\z)",
            Accept: TokenStructure.HasKeyMaterial, MultiLine: true, JudgeRandomness: false),
        new("jwt", "secrets.jwt", "JSON Web Token", "JWT_TOKEN", ["eyJ"],
            Start + @"eyJ[\w-]{8,}\.eyJ[\w-]{8,}(?:\.[\w-]{10,})?(?![\w.-])", Accept: TokenStructure.IsJwt, JudgeRandomness: false),
        new("database-uri", "secrets.database-uri", "Database", "DATABASE_URL", ["://"],
            """(?i:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|jdbc:[a-z0-9]+(?::[a-z]+)?)://[^\s:/@'"<>{}]{1,100}:(?<secret>[^\s@/'"<>]{1,200})@[\w.\[\]-]+""",
            Strict: false, AtAnchor: UriShape.HasPassword, Leading: UriShape.MaxScheme),
        new("basic-auth-url", "secrets.basic-auth-url", "URL credentials", "SERVICE_URL", ["://"],
            """(?i:https?|ftps?|sftp|smtps?|ldaps?|ssh|git|svn)://[^\s:/@'"<>{}]{1,100}:(?<secret>[^\s@/'"<>]{3,200})@[\w.-]+\.[a-z]{2,}""",
            Strict: false, AtAnchor: UriShape.HasPassword, Leading: UriShape.MaxScheme),
        // curl's -u / --user user:password (a `$(…)` or `$VAR` user is a lookup, and a password equal to its user a default).
        new("curl-user-password", "secrets.basic-auth-url", "curl credentials", "CURL_PASSWORD", ["curl"],
            """(?<![\w-])(?i:curl)(?![\w-])[^\r\n]{0,300}?\s(?:-u|--user)(?:\s+|=)['"]?[^:\s'"$<]{1,100}:(?<secret>[^\s'"]{3,200})""",
            AnchorsIgnoreCase: true, Strict: false),
        new("jdbc-password", "secrets.database-uri", "Database", "DATABASE_PASSWORD", ["jdbc:"],
            """jdbc:[a-z0-9]+:[^\s'"]{0,300}?[?&;:](?i:password|pwd)=(?<secret>[^&;\s'"]{2,200})""", Strict: false),
        new("connection-string", "secrets.connection-string", "ADO.NET", "CONNECTION_STRING", ["server=", "data source=", "host=", "address=", "endpoint="],
            """(?i:server|data source|host|address|endpoint)\s*=[^;"'\r\n]{1,200};(?:[^"'\r\n]{0,400}?;)?\s*(?i:password|pwd|sharedaccesskey|accountkey)\s*=\s*(?<secret>[^;"'\s]{2,200})""",
            AnchorsIgnoreCase: true, Strict: false),
        new("discord-bot-token", "secrets.discord-token", "Discord", "DISCORD_BOT_TOKEN", ["discord", "bot_token", "bot token"],
            """(?<secret>(?<![\w-])[MNO][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,38})(?![\w-])""", AnchorsIgnoreCase: true),
        // A Discord bot token is three base64url parts: the bot's user id (24 to 26 characters), a 6-character timestamp
        // and a 27- or 38-character HMAC. The shape is found from the timestamp's two dots; an id part that does not
        // decode to the digits of a user id leaves the finding at lower confidence (hand-made or corrupted).
        new("discord-token-shape", "secrets.discord-token", "Discord", "DISCORD_BOT_TOKEN", ["."],
            """(?<![\w.-])[A-Za-z0-9_-]{24,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![\w.-])""",
            Validate: TokenStructure.IsDiscordToken, Accept: TokenStructure.HasDiscordParts, AtAnchor: TokenStructure.IsDiscordTimestampAt, Leading: 28),
        new("twilio-auth-token", "secrets.twilio-auth-token", "Twilio", "TWILIO_AUTH_TOKEN", ["twilio"],
            """(?i:twilio)[\w.-]{0,20}?(?i:auth|token|secret)[\w.-]{0,20}['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[a-f0-9]{32})""" + End, AnchorsIgnoreCase: true),
    ];
}
