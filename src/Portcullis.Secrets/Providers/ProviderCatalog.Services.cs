namespace Portcullis.Secrets.Providers;

internal static partial class ProviderCatalog
{
    private static IEnumerable<ProviderPattern> Messaging() =>
    [
        P("slack-token", "slack-token", "Slack", "SLACK_TOKEN", ["xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxr-", "xoxs-"], Start + @"xox[abposr]-(?:\d-)?\d{6,}-(?:\d{6,}-){0,3}(?<random>[0-9A-Za-z][0-9A-Za-z-]{5,})(?![\w-])"),
        P("slack-config-token", "slack-token", "Slack", "SLACK_CONFIG_TOKEN", ["xoxe"], Start + @"xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,}" + End),
        P("slack-app-token", "slack-token", "Slack", "SLACK_APP_TOKEN", "xapp-", Start + @"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+" + End),
        P("slack-webhook", "slack-webhook", "Slack", "SLACK_WEBHOOK_URL", "hooks.slack.com/", @"hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9+/]{40,100})"),
        P("discord-webhook", "discord-webhook", "Discord", "DISCORD_WEBHOOK_URL", "/api/webhooks/", @"discord(?:app)?\.com/api/webhooks/\d+/(?<secret>[\w-]{60,})"),
        P("telegram-bot-token", "telegram-bot-token", "Telegram", "TELEGRAM_BOT_TOKEN", ":AA", @"(?<![0-9])\d{8,10}:AA[\w-]{33}(?![\w-])"),
        P("microsoft-teams-webhook", "teams-webhook", "Microsoft Teams", "TEAMS_WEBHOOK_URL", ".webhook.office.com/", @"https://[\w-]+\.webhook\.office\.com/webhookb2/[\w-]{36}@[\w-]{36}/IncomingWebhook/(?<secret>[\w-]{32})/[\w-]{36}"),
        P("sendgrid-api-key", "sendgrid-api-key", "SendGrid", "SENDGRID_API_KEY", "SG.", Start + @"SG\.[\w-]{16,32}\.[\w-]{16,64}(?![\w-])"),
        P("mailgun-api-key", "mailgun-api-key", "Mailgun", "MAILGUN_API_KEY", "key-", Start + "key-[0-9a-f]{32}" + End),
        // The webhook signing key: 32 random hex characters, then two groups of eight.
        new("mailgun-signing-key", "secrets.mailgun-api-key", "Mailgun", "MAILGUN_WEBHOOK_SIGNING_KEY", ["mailgun"],
            """(?i:mailgun)[\w.-]{0,20}['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>(?<random>[a-h0-9]{32})-[a-h0-9]{8}-[a-h0-9]{8})""" + End, AnchorsIgnoreCase: true),
        P("mailchimp-api-key", "mailchimp-api-key", "Mailchimp", "MAILCHIMP_API_KEY", "-us", Start + "[0-9a-f]{32}-us[0-9]{1,2}" + End),
        P("sendinblue-api-key", "sendinblue-key", "Brevo (Sendinblue)", "BREVO_API_KEY", "xkeysib-", Start + "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}" + End),
        P("twilio-api-key", "twilio-api-key", "Twilio", "TWILIO_API_KEY", "twilio", @"(?i:twilio)[\s\S]{0,200}?(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})" + End),
        P("twitter-bearer-token", "twitter-token", "Twitter / X", "TWITTER_BEARER_TOKEN", "AAAAAAAAAAAAAAAAAAAAA", Start + "A{21,22}[A-Za-z0-9%]{70,140}" + End),
        P("facebook-access-token", "facebook-token", "Facebook", "FACEBOOK_ACCESS_TOKEN", "EAA", Start + "EAA[MC][A-Za-z0-9]{100,}" + End),
    ];

    private static IEnumerable<ProviderPattern> Payments() =>
    [
        P("stripe-secret-key", "stripe-key", "Stripe", "STRIPE_SECRET_KEY", ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"], Start + "[sr]k_(?:live|test|prod)_[A-Za-z0-9]{24,247}" + End),
        P("stripe-webhook-secret", "stripe-key", "Stripe", "STRIPE_WEBHOOK_SECRET", "whsec_", Start + "whsec_[A-Za-z0-9+/]{32,}={0,2}"),
        P("square-access-token", "square-token", "Square", "SQUARE_ACCESS_TOKEN", "sq0atp-", Start + @"sq0atp-[\w-]{22}(?![\w-])"),
        P("square-oauth-secret", "square-token", "Square", "SQUARE_OAUTH_SECRET", "sq0csp-", Start + @"sq0csp-[\w-]{30,43}"),
        P("square-production-token", "square-token", "Square", "SQUARE_ACCESS_TOKEN", "EAAA", Start + @"EAAA[\w-]{60}(?![\w-])"),
        P("braintree-access-token", "paypal-braintree-token", "PayPal Braintree", "BRAINTREE_ACCESS_TOKEN", "access_token$", @"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}" + End),
        P("shippo-token", "shippo-token", "Shippo", "SHIPPO_API_TOKEN", "shippo_", Start + "shippo_(?:live|test)_[a-fA-F0-9]{40}" + End),
        P("easypost-key", "easypost-key", "EasyPost", "EASYPOST_API_KEY", ["EZAK", "EZTK"], Start + "EZ[AT]K[A-Za-z0-9]{54}" + End),
        P("flutterwave-secret-key", "flutterwave-key", "Flutterwave", "FLW_SECRET_KEY", ["FLWSECK_TEST-", "FLWSECK-"], Start + "FLWSECK(?:_TEST)?-[a-hA-H0-9]{12,32}(?:-X)?" + End),
        P("duffel-token", "duffel-token", "Duffel", "DUFFEL_ACCESS_TOKEN", "duffel_", Start + @"duffel_(?:test|live)_[\w=-]{43}(?![\w=-])"),
        P("plaid-access-token", "plaid-token", "Plaid", "PLAID_ACCESS_TOKEN", "access-", Start + "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + End),
        P("lob-api-key", "lob-key", "Lob", "LOB_API_KEY", ["live_", "test_"], Start + "(?:live|test)_[a-f0-9]{35}" + End),
    ];

    private static IEnumerable<ProviderPattern> ArtificialIntelligence() =>
    [
        P("openai-api-key", "openai-api-key", "OpenAI", "OPENAI_API_KEY", "T3BlbkFJ", Start + @"sk-(?:(?:proj|svcacct|admin)-)?[\w-]{16,200}T3BlbkFJ[\w-]{16,200}(?![\w-])"),
        P("anthropic-api-key", "anthropic-api-key", "Anthropic", "ANTHROPIC_API_KEY", "sk-ant-", Start + @"sk-ant-[a-z]+\d{2}-[\w-]{32,200}(?![\w-])"),
        P("huggingface-token", "huggingface-token", "Hugging Face", "HF_TOKEN", "hf_", "(?<![A-Za-z0-9_])hf_[A-Za-z]{34}" + End),
        P("huggingface-org-token", "huggingface-token", "Hugging Face", "HF_TOKEN", "api_org_", "(?<![A-Za-z0-9_])api_org_[A-Za-z]{34}" + End),
        new("cohere-api-key", "secrets.cohere-api-key", "Cohere", "CO_API_KEY", ["cohere", "co_api_key"],
            """(?i:cohere|co_api)[\w.-]{0,20}['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[A-Za-z0-9]{40})""" + End, AnchorsIgnoreCase: true),
        P("replicate-api-token", "replicate-api-token", "Replicate", "REPLICATE_API_TOKEN", "r8_", Start + "r8_[A-Za-z0-9]{37}" + End),
        P("groq-api-key", "groq-api-key", "Groq", "GROQ_API_KEY", "gsk_", Start + "gsk_[A-Za-z0-9]{48,56}" + End),
        P("perplexity-api-key", "perplexity-key", "Perplexity", "PERPLEXITY_API_KEY", "pplx-", Start + "pplx-[A-Za-z0-9]{48}" + End),
        P("notion-token", "notion-token", "Notion", "NOTION_TOKEN", "ntn_", Start + "ntn_[0-9]{11}[A-Za-z0-9]{32,40}" + End),
        P("notion-integration-secret", "notion-token", "Notion", "NOTION_TOKEN", "secret_", Start + "secret_[A-Za-z0-9]{43}" + End),
        P("figma-token", "figma-token", "Figma", "FIGMA_TOKEN", "figd_", Start + @"figd_[\w-]{40,}(?![\w-])"),
        P("linear-api-key", "linear-api-key", "Linear", "LINEAR_API_KEY", "lin_api_", Start + "lin_api_[A-Za-z0-9]{40}" + End),
        P("airtable-token", "airtable-token", "Airtable", "AIRTABLE_TOKEN", "pat", Start + @"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}" + End),
    ];

    private static IEnumerable<ProviderPattern> Services() =>
    [
        P("shopify-token", "shopify-token", "Shopify", "SHOPIFY_ACCESS_TOKEN", ["shpat_", "shpca_", "shppa_", "shpss_"], Start + "shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40}" + End),
        P("onepassword-service-account-token", "1password-token", "1Password", "OP_SERVICE_ACCOUNT_TOKEN", "ops_eyJ", Start + "ops_eyJ[A-Za-z0-9+/]{250,}={0,3}"),
        P("onepassword-secret-key", "1password-token", "1Password", "OP_SECRET_KEY", "A3-", Start + "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}" + End),
        P("age-secret-key", "age-secret-key", "age", "AGE_SECRET_KEY", "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}" + End),
        P("frameio-token", "frameio-token", "Frame.io", "FRAMEIO_TOKEN", "fio-u-", Start + @"fio-u-[\w=-]{64}(?![\w=-])"),
        P("mapbox-secret-token", "mapbox-token", "Mapbox", "MAPBOX_SECRET_TOKEN", "sk.eyJ", Start + @"sk\.eyJ[\w-]{20,}\.[\w-]{20,}"),
        P("authress-key", "authress-key", "Authress", "AUTHRESS_KEY", ".acc", Start + @"(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120}"),
    ];
}
