using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>
/// The rewrites that move code onto the secure API (AES/GCM, a base-directory check, LDAP filter
/// arguments, XPath variables), through the embedded rules that name them: the fix offered is the
/// verified one, and where the code does not show enough to make it correct, none is.
/// </summary>
public sealed class SecureApiFixRewriteTests
{
    [Fact]
    public void A_DES_cipher_its_key_generator_and_IV_become_AES_GCM_together()
    {
        const string code = """
            class C {
                byte[] seal(byte[] input) throws Exception {
                    java.security.SecureRandom random = new java.security.SecureRandom();
                    byte[] iv = new byte[8];
                    random.nextBytes(iv);
                    javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("DESede");
                    javax.crypto.SecretKey key = generator.generateKey();
                    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("DESede/CBC/PKCS5Padding", "SunJCE");
                    cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(iv));
                    return cipher.doFinal(input);
                }
            }
            """;
        const string expected = """
            class C {
                byte[] seal(byte[] input) throws Exception {
                    java.security.SecureRandom random = new java.security.SecureRandom();
                    byte[] iv = new byte[12];
                    random.nextBytes(iv);
                    javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
                    javax.crypto.SecretKey key = generator.generateKey();
                    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                    cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, iv));
                    return cipher.doFinal(input);
                }
            }
            """;

        var findings = Findings("java", code, "java.crypto.weak-cipher");

        // The key generator and the cipher are two findings with one fix: neither leaves a DES key in an AES cipher.
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(expected, f.Fix is { Verified: true } fix ? fix.FixedCode : null));
    }

    [Fact]
    public void A_declared_IvParameterSpec_becomes_a_GCMParameterSpec_and_a_seed_IV_12_bytes()
    {
        const string code = """
            class C {
                void seal(java.security.SecureRandom random) throws Exception {
                    byte[] iv = random.generateSeed(8);
                    javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");
                    javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("DES").generateKey();
                    javax.crypto.spec.IvParameterSpec spec = new javax.crypto.spec.IvParameterSpec(iv);
                    c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, spec);
                }
            }
            """;

        var fixedCode = Findings("java", code, "java.crypto.weak-cipher")[0].Fix?.FixedCode;

        Assert.NotNull(fixedCode);
        Assert.Contains("byte[] iv = random.generateSeed(12);", fixedCode, StringComparison.Ordinal);
        Assert.Contains("javax.crypto.spec.GCMParameterSpec spec = new javax.crypto.spec.GCMParameterSpec(128, iv);", fixedCode, StringComparison.Ordinal);
        Assert.Contains("KeyGenerator.getInstance(\"AES\")", fixedCode, StringComparison.Ordinal);
    }

    [Theory]
    // A fixed IV: GCM under a repeated nonce gives the key away.
    [InlineData("byte[] iv = {1, 2, 3, 4, 5, 6, 7, 8};\n        javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance(\"DES\").generateKey();\n        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(\"DES/CBC/PKCS5Padding\");\n        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(iv));")]
    // Decryption needs the IV the data was sealed with, which ECB never had.
    [InlineData("javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(\"AES/ECB/PKCS5Padding\");\n        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, given);")]
    // Key bytes sized for DES are not an AES key.
    [InlineData("javax.crypto.SecretKey key = new javax.crypto.spec.SecretKeySpec(bytes, \"DES\");\n        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(\"DES\");\n        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key);")]
    public void No_cipher_fix_where_the_unit_cannot_become_correct_GCM(string statements)
    {
        var code = $"class C {{\n    void f(byte[] bytes, javax.crypto.SecretKey given) throws Exception {{\n        {statements}\n    }}\n}}\n";

        var findings = Findings("java", code, "java.crypto.weak-cipher");

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void A_Java_path_under_a_directory_is_checked_to_stay_inside_it()
    {
        const string code = """
            class T {
                void doPost(HttpServletRequest request) throws Exception {
                    String bar = request.getParameter("f");
                    String fileName = null;
                    try {
                        fileName = Utils.TESTFILES_DIR + bar;
                        java.io.FileOutputStream fos = new java.io.FileOutputStream(fileName, false);
                    } catch (Exception e) {
                        System.out.println(fileName);
                    }
                }
            }
            """;
        const string expected = """
                        fileName = Utils.TESTFILES_DIR + bar;
                        java.nio.file.Path baseDir = java.nio.file.Paths.get(Utils.TESTFILES_DIR).toAbsolutePath().normalize();
                        java.nio.file.Path filePath = java.nio.file.Paths.get("").toAbsolutePath().resolve(fileName);
                        if (!filePath.normalize().startsWith(baseDir)) {
                            throw new IllegalArgumentException("The path leaves the base directory");
                        }
                        java.io.FileOutputStream fos = new java.io.FileOutputStream(filePath.toString(), false);
            """;

        var fixedCode = Fixed("java", code, "java.taint.path-traversal");

        Assert.NotNull(fixedCode);
        Assert.Contains(expected, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Java_name_under_a_parent_File_is_resolved_against_it()
    {
        const string code = """
            class T {
                void doPost(HttpServletRequest request) throws Exception {
                    String bar = request.getParameter("f");
                    java.io.File file = new java.io.File(new java.io.File("/srv/files"), bar);
                }
            }
            """;

        var fixedCode = Fixed("java", code, "java.taint.path-traversal");

        Assert.NotNull(fixedCode);
        Assert.Contains("java.nio.file.Path baseDir = java.nio.file.Paths.get(\"/srv/files\").toAbsolutePath().normalize();", fixedCode, StringComparison.Ordinal);
        Assert.Contains("java.nio.file.Path filePath = baseDir.resolve(bar);", fixedCode, StringComparison.Ordinal);
        Assert.Contains("java.io.File file = filePath.toFile();", fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void No_Java_path_fix_without_a_directory_to_check_against()
    {
        const string code = """
            class T {
                void doPost(HttpServletRequest request) throws Exception {
                    String bar = request.getParameter("f");
                    java.io.File file = new java.io.File(bar);
                }
            }
            """;

        Assert.Null(Fixed("java", code, "java.taint.path-traversal"));
    }

    [Theory]
    [InlineData(
        "String filter = \"(&(objectclass=person)(uid=\" + bar + \"))\";\n        ctx.search(\"ou=users\", filter, sc);",
        "String filter = \"(&(objectclass=person)(uid={0}))\";\n        ctx.search(\"ou=users\", filter, new Object[] {bar}, sc);")]
    [InlineData(
        "String filter = \"(|(uid=\" + bar + \")(street={0}))\";\n        Object[] filters = new Object[] {\"Main St\"};\n        ctx.search(\"ou=users\", filter, filters, sc);",
        "String filter = \"(|(uid={1})(street={0}))\";\n        Object[] filters = new Object[] {\"Main St\", bar};\n        ctx.search(\"ou=users\", filter, filters, sc);")]
    public void LDAP_filter_values_become_filter_arguments(string statements, string expected)
    {
        var code = $"class T {{\n    void doPost(HttpServletRequest request) throws Exception {{\n        String bar = request.getParameter(\"u\");\n        {statements}\n    }}\n}}\n";

        var fixedCode = Fixed("java", code, "java.taint.ldap-injection");

        Assert.NotNull(fixedCode);
        Assert.Contains(expected, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Java_XPath_value_becomes_a_variable_with_a_resolver()
    {
        const string code = """
            class T {
                void doPost(HttpServletRequest request, javax.xml.xpath.XPath xp, org.w3c.dom.Document doc) throws Exception {
                    String bar = request.getParameter("n");
                    String expression = "/Employees/Employee[@emplid='" + bar + "']";
                    Object found = xp.evaluate(expression, doc);
                }
            }
            """;
        const string expected = """
                    String expression = "/Employees/Employee[@emplid=$bar]";
                    java.util.Map<String, Object> xpathValues = new java.util.HashMap<>();
                    xpathValues.put("bar", bar);
                    xp.setXPathVariableResolver(variableName -> xpathValues.get(variableName.getLocalPart()));
                    Object found = xp.evaluate(expression, doc);
            """;

        var fixedCode = Fixed("java", code, "java.taint.xpath-injection");

        Assert.NotNull(fixedCode);
        Assert.Contains(expected, fixedCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "    query = f\"/Employees/Employee[@emplid='{emplid}']\"\n    return root.xpath(query)\n",
        "    query = \"/Employees/Employee[@emplid=$emplid]\"\n    return root.xpath(query, emplid=emplid)\n")]
    [InlineData(
        "    query = '/Employees/Employee[@emplid=\\'' + emplid + '\\']'\n    query = lxml.etree.XPath(query)\n    return query(root)\n",
        "    query = \"/Employees/Employee[@emplid=$emplid]\"\n    query = lxml.etree.XPath(query)\n    return query(root, emplid=emplid)\n")]
    [InlineData(
        "    return elementpath.select(root, f\"/Employees/Employee[@emplid='{emplid}']\")\n",
        "    return elementpath.select(root, \"/Employees/Employee[@emplid=$emplid]\", variables={\"emplid\": emplid})\n")]
    public void Python_XPath_values_become_variables_of_the_library_used(string body, string expectedTail)
    {
        var code = $"import elementpath\nimport lxml.etree\nfrom flask import request\ndef find(root):\n    emplid = request.args[\"id\"]\n{body}";

        var fixedCode = Fixed("python", code, "python.xpath.injection");

        Assert.NotNull(fixedCode);
        Assert.EndsWith(expectedTail, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void No_Python_XPath_fix_where_the_value_is_a_path_step()
    {
        const string code = "import lxml.etree\nfrom flask import request\ndef find(root):\n    tag = request.args[\"tag\"]\n    return root.xpath(\"/Employees/\" + tag)\n";

        Assert.Null(Fixed("python", code, "python.xpath.injection"));
    }

    [Fact]
    public void A_Python_path_under_a_directory_is_resolved_and_checked()
    {
        const string code = "import settings\nfrom flask import request\n\ndef download():\n\tname = request.args.get(\"file\")\n\twith open(f\"{settings.FILES_DIR}/{name}\", \"rb\") as f:\n\t\treturn f.read()\n";
        const string expected = "import os\nimport settings\nfrom flask import request\n\ndef download():\n\tname = request.args.get(\"file\")\n"
            + "\tbase_dir = os.path.realpath(settings.FILES_DIR)\n\tfile_path = os.path.realpath(f\"{settings.FILES_DIR}/{name}\")\n"
            + "\tif os.path.commonpath([base_dir, file_path]) != base_dir:\n\t\traise ValueError(\"The path leaves the base directory\")\n"
            + "\twith open(file_path, \"rb\") as f:\n\t\treturn f.read()\n";

        Assert.Equal(expected, Fixed("python", code, "python.path.traversal"));
    }
}
