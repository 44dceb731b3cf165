namespace Portcullis.Secrets.Providers;

/// <summary>
/// The credential formats Portcullis knows by shape, from each provider's published token format.
/// Patterns start and end at a boundary (no letter or digit around the token) so a prefix inside a
/// longer word (<c>xsk_live_…</c>, <c>TODAYINASIA…</c>) does not match.
/// </summary>
internal static partial class ProviderCatalog
{
    /// <summary>Not preceded by a letter or digit.</summary>
    private const string Start = "(?<![A-Za-z0-9])";

    /// <summary>Not followed by a letter or digit.</summary>
    private const string End = "(?![A-Za-z0-9])";

    public static IReadOnlyList<ProviderPattern> All { get; } = [.. Cloud(), .. DeveloperPlatforms(), .. Messaging(), .. Payments(), .. ArtificialIntelligence(), .. Services(), .. Structured()];

    private static ProviderPattern P(string kind, string rule, string provider, string env, string anchor, string pattern, Func<string, bool>? validate = null) =>
        new(kind, "secrets." + rule, provider, env, [anchor], pattern, validate);

    private static ProviderPattern P(string kind, string rule, string provider, string env, string[] anchors, string pattern) =>
        new(kind, "secrets." + rule, provider, env, anchors, pattern);

    private static IEnumerable<ProviderPattern> Cloud() =>
    [
        new("aws-access-key-id", "secrets.aws-access-key-id", "AWS", "AWS_ACCESS_KEY_ID", ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
            Start + "(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}" + End),
        new("aws-secret-access-key", "secrets.aws-secret-access-key", "AWS", "AWS_SECRET_ACCESS_KEY", ["aws"],
            """(?i:aws)[\w.-]{0,20}?(?i:secret|sk)[\w.-]{0,20}['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])""", AnchorsIgnoreCase: true),
        P("aws-bedrock-api-key", "aws-bedrock-api-key", "AWS", "AWS_BEARER_TOKEN_BEDROCK", "ABSKQmVkcm9ja0FQSUtleS", Start + "ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{100,300}={0,2}"),
        P("aws-bedrock-short-lived-key", "aws-bedrock-api-key", "AWS", "AWS_BEARER_TOKEN_BEDROCK", "bedrock-api-key-", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?-]*"),
        P("gcp-api-key", "gcp-api-key", "Google Cloud", "GOOGLE_API_KEY", "AIza", Start + @"AIza[\w-]{35}(?![\w-])"),
        new("gcp-service-account-key", "secrets.gcp-service-account", "Google Cloud", "GOOGLE_APPLICATION_CREDENTIALS", ["service_account"],
            @"""type""\s*:\s*""service_account""[^}]{0,3000}?""private_key""\s*:\s*""(?<secret>-----BEGIN[^""]{40,})""", JudgeRandomness: false),
        // The type marker alone is only written into service-account key files; with no `private_key` field around it
        // (a fragment or a truncated paste) the file is still reported, its key not being visible to judge.
        new("gcp-service-account-file", "secrets.gcp-service-account", "Google Cloud", "GOOGLE_APPLICATION_CREDENTIALS", ["service_account"],
            @"(?<!""private_key""[\s\S]{0,3000})""type""\s*:\s*""service_account""(?![\s\S]{0,3000}""private_key""\s*:)",
            MultiLine: true, JudgeRandomness: false, Strict: false),
        P("gcp-oauth-client-secret", "gcp-oauth-client-secret", "Google Cloud", "GOOGLE_CLIENT_SECRET", "GOCSPX-", Start + @"GOCSPX-[\w-]{28}(?![\w-])"),
        P("azure-storage-account-key", "azure-storage-key", "Azure", "AZURE_STORAGE_CONNECTION_STRING", "AccountKey=", @"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)"),
        P("azure-sas-token", "azure-sas-token", "Azure", "AZURE_STORAGE_SAS_TOKEN", "sig=", @"(?:sv|se|sp|sr|st|spr|srt|ss)=[^&\s""']+&(?:[a-z]{2,4}=[^&\s""']*&)*sig=(?<secret>[A-Za-z0-9%+/]{40,}(?:%3D|=)*)"),
        P("azure-ad-client-secret", "azure-ad-client-secret", "Azure", "AZURE_CLIENT_SECRET", "Q~", @"(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])"),
        P("alibaba-access-key-id", "alibaba-access-key", "Alibaba Cloud", "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI", Start + "LTAI[A-Za-z0-9]{17,21}" + End),
        P("yandex-api-key", "yandex-key", "Yandex Cloud", "YC_API_KEY", "AQVN", Start + @"AQVN[\w-]{35,38}(?![\w-])"),
        new("ibm-cloud-iam-key", "secrets.ibm-cloud-key", "IBM Cloud", "IBM_CLOUD_API_KEY", ["ibm"],
            """(?i:ibm)[\w.-]{0,6}?(?i:cloud)?[\w.-]{0,6}?(?i:iam)?[\w.-]{0,6}?(?i:api[\w-]?key|key|password|pass|pwd|token)['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[\w-]{44})(?![\w-])""", AnchorsIgnoreCase: true),
        new("softlayer-api-key", "secrets.softlayer-key", "IBM SoftLayer", "SOFTLAYER_API_KEY", ["softlayer"],
            """(?i:softlayer)[\w.-]{0,20}?(?i:api[\w-]?key|key|token|password|pass)['"]?(?:\s*(?:[:=]|:=|=>)\s*|\s+)['"]?(?<secret>[a-z0-9]{64})""" + End, AnchorsIgnoreCase: true),
        new("softlayer-soap-url", "secrets.softlayer-key", "IBM SoftLayer", "SOFTLAYER_API_KEY", ["api.softlayer.com/"],
            """api\.softlayer\.com/(?:soap|rest)/v3(?:\.1)?/(?<secret>[a-z0-9]{64})""" + End, AnchorsIgnoreCase: true),
        new("cloudant-credential", "secrets.cloudant-key", "IBM Cloudant", "CLOUDANT_PASSWORD", ["cloudant"],
            """(?i:cloudant)[\w.-]{0,20}?(?i:pw|pwd|pass|password|api[\w-]?key|key|secret)['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[0-9a-f]{64}|[a-z]{24})""" + End, AnchorsIgnoreCase: true),
        new("yandex-static-key", "secrets.yandex-key", "Yandex Cloud", "YC_ACCESS_KEY", ["yandex"],
            """(?i:yandex)[\w.-]{0,20}?(?i:key|token|secret)['"]?\s*(?:[:=]|:=|\?=|=>)\s*['"]?(?<secret>YC[\w-]{38})(?![\w-])""", AnchorsIgnoreCase: true),
        P("yandex-access-key", "yandex-key", "Yandex Cloud", "YC_ACCESS_KEY", "YCAJ", Start + @"YC[A-Za-z0-9_-]{38}(?![\w-])"),
        P("yandex-iam-token", "yandex-key", "Yandex Cloud", "YC_IAM_TOKEN", "t1.", Start + @"t1\.[A-Z0-9a-z_-]+={0,2}\.[A-Z0-9a-z_-]{86}={0,2}"),
        P("digitalocean-token", "digitalocean-token", "DigitalOcean", "DIGITALOCEAN_TOKEN", "_v1_", Start + "do[opr]_v1_[a-f0-9]{64}" + End),
        P("heroku-api-key", "heroku-api-key", "Heroku", "HEROKU_API_KEY", "HRKU-", Start + @"HRKU-[\w-]{58,62}(?![\w-])"),
        P("cloudflare-api-token", "cloudflare-token", "Cloudflare", "CLOUDFLARE_API_TOKEN", ["cfat_", "cfut_", "cfk_"], Start + "cf(?:at|ut|k)_[A-Za-z0-9]{40,60}" + End),
        P("cloudflare-origin-ca-key", "cloudflare-token", "Cloudflare", "CLOUDFLARE_ORIGIN_CA_KEY", "v1.0-", Start + @"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}" + End),
        P("vault-service-token", "vault-token", "HashiCorp Vault", "VAULT_TOKEN", "hvs.", Start + @"hvs\.[\w-]{90,200}(?![\w-])"),
        P("vault-batch-token", "vault-token", "HashiCorp Vault", "VAULT_TOKEN", "hvb.", Start + @"hvb\.[\w-]{130,300}(?![\w-])"),
        P("vault-recovery-token", "vault-token", "HashiCorp Vault", "VAULT_TOKEN", "hvr.", Start + @"hvr\.[\w-]{90,200}(?![\w-])"),
        P("terraform-cloud-token", "terraform-cloud-token", "HashiCorp Terraform Cloud", "TFE_TOKEN", ".atlasv1.", Start + @"[A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70}(?![\w=-])"),
        P("flyio-token", "flyio-token", "Fly.io", "FLY_API_TOKEN", "fo1_", Start + @"fo1_[\w-]{43}(?![\w-])"),
        P("flyio-macaroon", "flyio-token", "Fly.io", "FLY_API_TOKEN", ["fm1_", "fm1a_", "fm1r_", "fm2_", "fm2a_", "fm2r_"], Start + "fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3}"),
        // Netlify personal access tokens carry no prefix: 40 to 46 characters of [A-Za-z0-9=_-] given to a Netlify-named setting,
        // with digits among them (a site or team slug of words has none).
        new("netlify-access-token", "secrets.netlify-token", "Netlify", "NETLIFY_AUTH_TOKEN", ["netlify"],
            """(?i:netlify)[\w.-]{0,20}['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>(?=[A-Za-z=_-]{0,45}[0-9])[A-Za-z0-9=_-]{40,46})(?![\w=-])""", AnchorsIgnoreCase: true),
        P("vercel-token", "vercel-token", "Vercel", "VERCEL_TOKEN", ["vcp_", "vci_", "vck_", "vca_", "vcr_"], Start + "vc[pikar]_[A-Za-z0-9]{40,60}" + End),
        P("scalingo-token", "scalingo-token", "Scalingo", "SCALINGO_API_TOKEN", "tk-us-", Start + @"tk-us-[\w-]{48}(?![\w-])"),
        P("openshift-token", "openshift-token", "OpenShift", "OPENSHIFT_TOKEN", "sha256~", Start + @"sha256~[\w-]{43}(?![\w-])"),
        P("tailscale-key", "tailscale-key", "Tailscale", "TS_AUTHKEY", "tskey-", "(?<![A-Za-z])tskey-[a-z]+-[A-Za-z0-9]{6,}-[A-Za-z0-9]{16,}" + End),
    ];

    private static IEnumerable<ProviderPattern> DeveloperPlatforms() =>
    [
        new("github-classic-token", "secrets.github-token", "GitHub", "GITHUB_TOKEN", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
            Start + "gh[pousr]_[A-Za-z0-9]{36}" + End, Checksums.Base62Crc32),
        P("github-fine-grained-token", "github-token", "GitHub", "GITHUB_TOKEN", "github_pat_", Start + @"github_pat_\w{82}(?!\w)"),
        P("gitlab-personal-token", "gitlab-token", "GitLab", "GITLAB_TOKEN", "glpat-", Start + @"glpat-(?:[\w-]{20}(?![\w-])|[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}" + End + ")"),
        P("gitlab-runner-token", "gitlab-token", "GitLab", "GITLAB_RUNNER_TOKEN", "glrt-", Start + @"glrt-(?:[\w-]{20}(?![\w-])|t\d_[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}" + End + ")"),
        P("gitlab-deploy-token", "gitlab-token", "GitLab", "GITLAB_DEPLOY_TOKEN", "gldt-", Start + @"gldt-[\w-]{20}(?![\w-])"),
        P("gitlab-feed-token", "gitlab-token", "GitLab", "GITLAB_FEED_TOKEN", "glft-", Start + @"glft-[\w-]{20}(?![\w-])"),
        P("gitlab-feature-flag-token", "gitlab-token", "GitLab", "GITLAB_FEATURE_FLAG_TOKEN", "glffct-", Start + @"glffct-[\w-]{20}(?![\w-])"),
        P("gitlab-scim-token", "gitlab-token", "GitLab", "GITLAB_SCIM_TOKEN", "glsoat-", Start + @"glsoat-[\w-]{20,}(?![\w-])"),
        P("gitlab-job-token", "gitlab-token", "GitLab", "CI_JOB_TOKEN", "glcbt-", Start + @"glcbt-(?:[0-9a-fA-F]{1,5}_)?[\w-]{20}(?![\w-])"),
        P("gitlab-incoming-mail-token", "gitlab-token", "GitLab", "GITLAB_INCOMING_MAIL_TOKEN", "glimt-", Start + @"glimt-[\w-]{25}(?![\w-])"),
        P("gitlab-trigger-token", "gitlab-token", "GitLab", "GITLAB_TRIGGER_TOKEN", "glptt-", Start + @"glptt-[\w-]{40}(?![\w-])"),
        P("gitlab-agent-token", "gitlab-token", "GitLab", "GITLAB_AGENT_TOKEN", "glagent-", Start + @"glagent-[\w-]{50,1024}(?![\w-])"),
        P("gitlab-oauth-secret", "gitlab-token", "GitLab", "GITLAB_OAUTH_SECRET", "gloas-", Start + @"gloas-[\w-]{64}(?![\w-])"),
        P("gitlab-runner-registration-token", "gitlab-token", "GitLab", "GITLAB_REGISTRATION_TOKEN", "GR1348941", Start + @"GR1348941[\w-]{20,}(?![\w-])"),
        P("gitlab-session-cookie", "gitlab-token", "GitLab", "GITLAB_SESSION", "_gitlab_session=", "_gitlab_session=(?<secret>[0-9a-z]{32})" + End),
        P("bitbucket-app-password", "bitbucket-token", "Bitbucket", "BITBUCKET_APP_PASSWORD", "ATBB", Start + "ATBB[A-Za-z0-9_=.-]{32}" + End),
        P("atlassian-api-token", "atlassian-token", "Atlassian", "ATLASSIAN_API_TOKEN", "ATATT3", Start + @"ATATT3[\w=-]{186}(?![\w=-])"),
        new("npm-token", "secrets.npm-token", "npm", "NPM_TOKEN", ["npm_"], Start + "npm_[A-Za-z0-9]{36}" + End, Checksums.Base62Crc32),
        P("npmrc-auth-token", "npm-token", "npm", "NPM_TOKEN", "_authToken", @"_authToken\s*=\s*(?<secret>[A-Za-z0-9][\w.-]{15,})"),
        P("pypi-token", "pypi-token", "PyPI", "PYPI_TOKEN", "pypi-AgE", Start + @"pypi-AgE[IN][A-Za-z0-9_-]{50,}"),
        P("nuget-api-key", "nuget-api-key", "NuGet", "NUGET_API_KEY", "oy2", Start + "oy2[a-z0-9]{43}" + End),
        P("dockerhub-token", "dockerhub-token", "Docker Hub", "DOCKERHUB_TOKEN", "dckr_", Start + @"dckr_(?:pat|oat)_[\w-]{27,}(?![\w-])"),
        P("rubygems-token", "rubygems-token", "RubyGems", "GEM_HOST_API_KEY", "rubygems_", Start + "rubygems_[a-f0-9]{48}" + End),
        P("clojars-token", "clojars-token", "Clojars", "CLOJARS_TOKEN", "CLOJARS_", Start + "CLOJARS_[a-z0-9]{60}" + End),
        P("adobe-client-secret", "adobe-client-secret", "Adobe", "ADOBE_CLIENT_SECRET", "p8e-", Start + "p8e-[A-Za-z0-9]{32}" + End),
        P("artifactory-api-key", "artifactory-token", "JFrog Artifactory", "ARTIFACTORY_API_KEY", "AKCp", Start + "AKCp[A-Za-z0-9]{69}" + End),
        P("artifactory-reference-token", "artifactory-token", "JFrog Artifactory", "ARTIFACTORY_TOKEN", "cmVmd", Start + "cmVmd[A-Za-z0-9]{59}" + End),
        P("sourcegraph-token", "sourcegraph-token", "Sourcegraph", "SRC_ACCESS_TOKEN", "sgp_", Start + "sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}" + End),
        P("postman-api-key", "postman-api-key", "Postman", "POSTMAN_API_KEY", "PMAK-", Start + "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}" + End),
        P("pulumi-token", "pulumi-token", "Pulumi", "PULUMI_ACCESS_TOKEN", "pul-", Start + "pul-[a-f0-9]{40}" + End),
        P("doppler-token", "doppler-token", "Doppler", "DOPPLER_TOKEN", "dp.", Start + @"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}" + End),
        P("prefect-token", "prefect-token", "Prefect", "PREFECT_API_KEY", "pnu_", Start + "pnu_[A-Za-z0-9]{36}" + End),
        P("readme-token", "readme-token", "ReadMe", "README_API_KEY", "rdme_", Start + "rdme_[a-z0-9]{70}" + End),
        P("infracost-token", "infracost-token", "Infracost", "INFRACOST_API_KEY", "ico-", Start + "ico-[A-Za-z0-9]{32}" + End),
        P("harness-token", "harness-key", "Harness", "HARNESS_API_KEY", "pat.", Start + @"(?:pat|sat)\.[\w-]{22}\.[\w-]{24}\.[\w-]{20}(?![\w-])"),
        P("octopus-deploy-key", "octopus-key", "Octopus Deploy", "OCTOPUS_API_KEY", "API-", Start + "API-[A-Z0-9]{26}" + End),
        P("defined-networking-token", "defined-networking-token", "Defined Networking", "DNKEY", "dnkey-", Start + @"dnkey-[\w=-]{26}-[\w=-]{52}(?![\w=-])"),
        P("settlemint-token", "settlemint-token", "SettleMint", "SETTLEMINT_ACCESS_TOKEN", "sm_", Start + "sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}" + End),
        P("intra42-client-secret", "intra42-secret", "42 Intra", "INTRA42_CLIENT_SECRET", "s-s4t2", Start + "s-s4t2(?:ud|af)-[a-f0-9]{64}" + End),
        P("planetscale-token", "planetscale-token", "PlanetScale", "PLANETSCALE_TOKEN", "pscale_", Start + @"pscale_(?:pw|tkn|oauth)_[\w=.-]{32,64}(?![\w=.-])"),
        P("databricks-token", "databricks-token", "Databricks", "DATABRICKS_TOKEN", "dapi", Start + "dapi[a-fA-F0-9]{32}(?:-[0-9])?" + End),
        P("dynatrace-token", "dynatrace-token", "Dynatrace", "DT_API_TOKEN", "dt0c01.", Start + @"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}" + End),
        P("grafana-cloud-token", "grafana-token", "Grafana", "GRAFANA_CLOUD_TOKEN", "glc_", Start + "glc_[A-Za-z0-9+/]{32,400}={0,2}"),
        P("grafana-service-account-token", "grafana-token", "Grafana", "GRAFANA_TOKEN", "glsa_", Start + "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" + End),
        P("grafana-api-key", "grafana-token", "Grafana", "GRAFANA_API_KEY", "eyJrIjoi", Start + "eyJrIjoi[A-Za-z0-9]{70,400}={0,2}"),
        P("sentry-org-token", "sentry-token", "Sentry", "SENTRY_AUTH_TOKEN", "sntrys_", Start + @"sntrys_eyJ[\w=+/.-]{30,}"),
        P("sentry-user-token", "sentry-token", "Sentry", "SENTRY_AUTH_TOKEN", "sntryu_", Start + "sntryu_[a-f0-9]{64}" + End),
        P("newrelic-user-key", "newrelic-key", "New Relic", "NEW_RELIC_API_KEY", "NRAK-", Start + "NRAK-[A-Za-z0-9]{27}" + End),
        P("newrelic-insert-key", "newrelic-key", "New Relic", "NEW_RELIC_INSERT_KEY", "NRII-", Start + @"NRII-[\w-]{32}(?![\w-])"),
        P("newrelic-browser-key", "newrelic-key", "New Relic", "NEW_RELIC_BROWSER_KEY", "NRJS-", Start + "NRJS-[a-f0-9]{19}" + End),
        P("newrelic-admin-key", "newrelic-key", "New Relic", "NEW_RELIC_ADMIN_KEY", "NRAA-", Start + "NRAA-[a-f0-9]{27}" + End),
        new("datadog-api-key", "secrets.datadog-api-key", "Datadog", "DD_API_KEY", ["datadog", "dd_api", "dd_app", "dd-api", "dd-app"],
            """(?i:datadog|dd)[\w.-]{0,20}?(?i:api|app)[\w.-]{0,10}?(?i:key)['"]?\s*(?:[:=]|:=|=>)\s*['"]?(?<secret>[a-f0-9]{32}(?:[a-f0-9]{8})?)""" + End, AnchorsIgnoreCase: true),
    ];
}
