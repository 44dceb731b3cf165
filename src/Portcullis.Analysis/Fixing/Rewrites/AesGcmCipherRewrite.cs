using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Analysis.Fixing.Rewrites;

/// <summary>
/// Java: a cipher built on DES, 3DES, RC2, RC4, Blowfish or ECB mode becomes AES in GCM mode
/// (<c>Cipher.getInstance("AES/GCM/NoPadding")</c>, the provider argument kept), and what the method
/// builds for it moves along so the code still runs: a key from <c>KeyGenerator.getInstance("DES")</c>
/// becomes an AES key, an <c>IvParameterSpec</c> becomes a <c>GCMParameterSpec</c> with a 128-bit tag,
/// and a random IV drawn in the method is drawn 12 bytes long (GCM's nonce). The cipher, its key
/// generator and its parameters are one unit: a finding on either the cipher or the key generator gets
/// the same edits, so fixing one never leaves a DES key in an AES cipher.
/// No fix when the method shows something the unit cannot become correctly: a key from a
/// SecretKeyFactory or key bytes, an IV that is not drawn at random in the method (GCM must never reuse
/// one), parameters other than an IV, or decryption without parameters (GCM needs the IV it was
/// encrypted with). What the method does not show (a key passed in) is left as it is.
/// </summary>
internal sealed class AesGcmCipherRewrite : ICodeRewrite
{
    private const string CipherClass = "javax.crypto.Cipher";
    private const string KeyGeneratorClass = "javax.crypto.KeyGenerator";
    private const string Transformation = "\"AES/GCM/NoPadding\"";
    private const int NonceBytes = 12;

    /// <summary>Symmetric algorithms whose keys and call sites become AES's; anything else (RSA/ECB/...)
    /// is not a cipher this rewrite may swap.</summary>
    private static readonly HashSet<string> SymmetricAlgorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        "des", "desede", "tripledes", "3des", "rc2", "rc4", "arcfour", "blowfish", "aes",
    };

    public string Name => "aes-gcm-cipher";

    public FixProposal? Propose(SyntaxNode focus, string description)
    {
        if (focus.Tree.Grammar.Id != "java" || focus.Parent is not { Kind: "argument_list" } arguments
            || arguments.Parent is not { Kind: "method_invocation" } call || JavaCode.EnclosingBody(call) is not { } body)
        {
            return null;
        }
        var unit = new CipherUnit(body);
        var seeded = JavaCode.IsStaticCall(call, CipherClass, "getInstance") ? unit.AddCipher(call)
            : JavaCode.IsStaticCall(call, KeyGeneratorClass, "getInstance") && unit.AddGenerator(call);
        return seeded && unit.Edits() is { Count: > 0 } edits ? new FixProposal(description, edits) : null;
    }

    /// <summary>The ciphers, key generators and parameters of one method that must change together.</summary>
    private sealed class CipherUnit(SyntaxNode body)
    {
        private readonly HashSet<SyntaxNode> _ciphers = [];
        private readonly HashSet<SyntaxNode> _generators = [];
        private readonly Dictionary<int, TextEdit> _edits = [];

        public IReadOnlyList<TextEdit> Edits() => _edits.Values.OrderBy(e => e.StartByte).ToList();

        /// <summary>Adds a <c>Cipher.getInstance</c> call, its key generators and its parameters.</summary>
        public bool AddCipher(SyntaxNode call)
        {
            if (!_ciphers.Add(call))
            {
                return true;
            }
            if (JavaCode.Arguments(call) is not [var algorithm, ..])
            {
                return false;
            }
            if (algorithm.Kind == "string_literal")
            {
                var name = algorithm.Text.Trim('"').Split('/')[0];
                if (!SymmetricAlgorithms.Contains(name))
                {
                    return false;
                }
                if (!algorithm.Text.Equals(Transformation, StringComparison.OrdinalIgnoreCase))
                {
                    Replace(algorithm, Transformation);
                }
            }
            else
            {
                // A transformation read from configuration: the key it is given below decides the
                // algorithm, so the secure one is written in its place.
                Replace(algorithm, Transformation);
            }
            if (JavaCode.StoredIn(call) is not { } variable)
            {
                return true;
            }
            foreach (var init in JavaCode.CallsOn(body, variable.Text, "init"))
            {
                if (!AddInit(init))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Adds a <c>KeyGenerator.getInstance</c> call and the ciphers its keys are used with.</summary>
        public bool AddGenerator(SyntaxNode call)
        {
            if (!_generators.Add(call))
            {
                return true;
            }
            if (JavaCode.Arguments(call) is not [{ Kind: "string_literal" } algorithm, ..] || !SymmetricAlgorithms.Contains(algorithm.Text.Trim('"')))
            {
                return false;
            }
            if (!algorithm.Text.Equals("\"AES\"", StringComparison.OrdinalIgnoreCase))
            {
                Replace(algorithm, "\"AES\"");
            }
            var keys = new List<SyntaxNode>();
            if (call.Parent is { Kind: "method_invocation" } generate && generate.ChildByField("name")?.Text == "generateKey" && generate.ChildByField("object") == call)
            {
                keys.Add(generate);
            }
            else if (JavaCode.StoredIn(call) is { } generator)
            {
                // A key size chosen for DES (56) is not one AES takes.
                if (JavaCode.CallsOn(body, generator.Text, "init").Any())
                {
                    return false;
                }
                keys.AddRange(JavaCode.CallsOn(body, generator.Text, "generateKey"));
            }
            foreach (var key in keys)
            {
                if (JavaCode.StoredIn(key) is not { } keyVariable)
                {
                    continue;
                }
                var inits = body.Descendants().Where(d => d.Kind == "method_invocation" && d.ChildByField("name")?.Text == "init"
                    && JavaCode.Arguments(d) is { Count: >= 2 } a && a[1].Kind == "identifier" && a[1].Text == keyVariable.Text);
                foreach (var init in inits)
                {
                    if (init.ChildByField("object") is not { Kind: "identifier" } cipher || SingleAssignment.ValueOf(cipher) is not { } created
                        || !JavaCode.IsStaticCall(created, CipherClass, "getInstance") || !AddCipher(created))
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary><c>cipher.init(mode, key[, parameters])</c>: the key's generator and the parameters join the unit.</summary>
        private bool AddInit(SyntaxNode init)
        {
            var arguments = JavaCode.Arguments(init);
            if (arguments.Count is < 2 or > 3)
            {
                return false;
            }
            var decrypts = arguments[0].Text.EndsWith("DECRYPT_MODE", StringComparison.Ordinal) || arguments[0].Text.EndsWith("UNWRAP_MODE", StringComparison.Ordinal);
            if (decrypts && arguments.Count == 2)
            {
                return false;
            }
            if (!AddKey(arguments[1]))
            {
                return false;
            }
            return arguments.Count == 2 || AddParameters(arguments[2]);
        }

        private bool AddKey(SyntaxNode key)
        {
            var created = key;
            if (key.Kind == "identifier")
            {
                if (!JavaCode.IsAssignedIn(body, key.Text))
                {
                    return true; // passed in: not this method's to change
                }
                if (SingleAssignment.ValueOf(key) is not { } value)
                {
                    return false;
                }
                created = value;
            }
            if (created.Kind == "method_invocation" && created.ChildByField("name")?.Text == "generateKey" && created.ChildByField("object") is { } generator)
            {
                var origin = generator.Kind == "identifier" ? SingleAssignment.ValueOf(generator) : generator;
                return origin is { } g && JavaCode.IsStaticCall(g, KeyGeneratorClass, "getInstance") && AddGenerator(g);
            }
            return false;
        }

        /// <summary>An IV drawn at random in the method becomes GCM's: a 12-byte nonce and a 128-bit tag.</summary>
        private bool AddParameters(SyntaxNode parameters)
        {
            var spec = parameters;
            if (parameters.Kind == "identifier")
            {
                if (SingleAssignment.ValueOf(parameters) is not { } value)
                {
                    return false;
                }
                spec = value;
                if (JavaCode.LocalDeclarationType(body, parameters.Text) is { } type && type.Text is "IvParameterSpec" or "javax.crypto.spec.IvParameterSpec")
                {
                    Replace(type, "javax.crypto.spec.GCMParameterSpec");
                }
            }
            if (JavaCode.IsCreation(spec, "javax.crypto.spec.GCMParameterSpec"))
            {
                return true;
            }
            if (!JavaCode.IsCreation(spec, "javax.crypto.spec.IvParameterSpec")
                || JavaCode.Arguments(spec) is not [{ Kind: "identifier" } iv] || !AddRandomNonce(iv))
            {
                return false;
            }
            Replace(spec, $"new javax.crypto.spec.GCMParameterSpec(128, {iv.Text})");
            return true;
        }

        /// <summary><c>iv = random.generateSeed(N)</c>, or <c>iv = new byte[N]</c> filled by <c>nextBytes(iv)</c>: N becomes 12.</summary>
        private bool AddRandomNonce(SyntaxNode iv)
        {
            if (SingleAssignment.ValueOf(iv) is not { } value)
            {
                return false;
            }
            SyntaxNode? length = null;
            if (value.Kind == "method_invocation" && value.ChildByField("name")?.Text == "generateSeed")
            {
                length = JavaCode.Arguments(value) is [var n] ? n : null;
            }
            else if (value.Kind == "array_creation_expression" && value.ChildByField("type")?.Text == "byte"
                && body.Descendants().Any(d => d.Kind == "method_invocation" && d.ChildByField("name")?.Text == "nextBytes"
                    && JavaCode.Arguments(d) is [{ Kind: "identifier" } filled] && filled.Text == iv.Text))
            {
                var dimensions = value.NamedChildren.Where(c => c.Kind == "dimensions_expr").ToList();
                length = dimensions is [var d] ? d.NamedChildren.FirstOrNull() : null;
            }
            if (length is not { } size)
            {
                return false;
            }
            if (size.Text != NonceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Replace(size, NonceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return true;
        }

        private void Replace(SyntaxNode node, string text) => _edits[node.StartByte] = new TextEdit(node.StartByte, node.EndByte, text);
    }
}
