using static Portcullis.Analysis.Tests.EmbeddedRuleFixes;

namespace Portcullis.Analysis.Tests;

/// <summary>The C fixes that bound a write by the array it goes into (c-bounded-write, c-scanf-width).</summary>
public sealed class CBoundedWriteTests
{
    [Theory]
    [InlineData("void f(const char *s) {\n  char buf[100];\n  strcpy(buf, s);\n}\n", "  snprintf(buf, sizeof buf, \"%s\", s);\n")]
    [InlineData("void f(const char *s) {\n  char buf[100];\n  buf[0] = 0;\n  strcat(buf, s);\n}\n", "  strncat(buf, s, sizeof buf - strlen(buf) - 1);\n")]
    [InlineData("void f(int id, const char *s) {\n  char path[64];\n  sprintf(path, \"/srv/%d/%s\", id, s);\n}\n", "  snprintf(path, sizeof path, \"/srv/%d/%s\", id, s);\n")]
    [InlineData("void f(void) {\n  char line[80];\n  gets(line);\n}\n", "  fgets(line, sizeof line, stdin);\n")]
    [InlineData("void f(const wchar_t *s) {\n  wchar_t name[32];\n  wcscpy(name, s);\n}\n", "  swprintf(name, sizeof name / sizeof name[0], L\"%ls\", s);\n")]
    public void A_write_into_a_local_array_is_bounded_by_its_size(string code, string expectedLine)
    {
        var fixedCode = Fixed("c", code, "c.memory.stack-buffer-overflow");

        Assert.NotNull(fixedCode);
        Assert.Contains(expectedLine, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_declared_as_an_array_is_a_pointer_and_gets_no_size()
    {
        // sizeof a parameter "char buf[64]" is the size of a pointer: a bound built on it would be wrong.
        const string code = "void f(char buf[64], const char *s) {\n  char tmp[8];\n  {\n    char *tmp = buf;\n    strcpy(tmp, s);\n  }\n}\n";

        Assert.All(Findings("c", code), f => Assert.Null(f.Fix));
    }

    [Fact]
    public void A_copy_with_a_length_from_elsewhere_gets_no_bounded_write()
    {
        // memcpy's length is the caller's decision: truncating it silently is not a fix the gate can verify as right.
        const string code = "void f(const char *s, int n) {\n  char buf[16];\n  memcpy(buf, s, n);\n}\n";

        Assert.Null(Fixed("c", code, "c.memory.stack-buffer-overflow"));
    }

    [Theory]
    [InlineData("void f(void) {\n  char name[32];\n  scanf(\"%s\", name);\n}\n", "scanf(\"%31s\", name);")]
    [InlineData("void f(FILE *in) {\n  int id;\n  char first[16];\n  char last[24];\n  fscanf(in, \"%d %s %[^\\n]\", &id, first, last);\n}\n", "fscanf(in, \"%d %15s %23[^\\n]\", &id, first, last);")]
    [InlineData("void f(void) {\n  char a[4];\n  char b[9];\n  scanf(\"%*s %s %%s %ls\", a, b);\n}\n", "scanf(\"%*s %3s %%s %8ls\", a, b);")]
    public void Each_unbounded_string_conversion_gets_its_array_width(string code, string expected)
    {
        var fixedCode = Fixed("c", code, "c.memory.scanf-unbounded-string");

        Assert.NotNull(fixedCode);
        Assert.Contains(expected, fixedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conversion_into_a_pointer_gets_no_width()
    {
        Assert.Null(Fixed("c", "void f(char *out) {\n  scanf(\"%s\", out);\n}\n", "c.memory.scanf-unbounded-string"));
    }

    [Theory]
    [InlineData("c.memory.strcpy", "char *dup(const char *s) {\n  char *r = (char *) malloc(strlen(s) + 1);\n  if (!r) return 0;\n  strcpy(r, s);\n  return r;\n}\n", "  snprintf(r, strlen(s) + 1, \"%s\", s);\n")]
    [InlineData("c.memory.strcat", "void f(char *out, size_t out_len, const char *name) {\n  strcat(out, name);\n}\n", "  strncat(out, name, out_len - strlen(out) - 1);\n")]
    [InlineData("c.memory.sprintf", "struct rec { int id; char label[32]; };\nvoid f(struct rec *r) {\n  sprintf(r->label, \"rec-%d\", r->id);\n}\n", "  snprintf(r->label, sizeof r->label, \"rec-%d\", r->id);\n")]
    [InlineData("c.memory.strcat", "void f(const char *a, const char *b, size_t n) {\n  char *p = malloc(n + 2);\n  strcpy(p, a);\n  strcat(p, b);\n}\n", "  strncat(p, b, (n + 2) - strlen(p) - 1);\n")]
    public void A_write_through_a_pointer_is_bounded_by_the_size_the_function_states(string rule, string code, string expectedLine)
    {
        var fixedCode = Fixed("c", code, rule);

        Assert.NotNull(fixedCode);
        Assert.Contains(expectedLine, fixedCode, StringComparison.Ordinal);
    }

    [Theory]
    // A pointer whose size is not in sight: any bound would be a guess.
    [InlineData("void f(char *dest, const char *src) {\n  strcpy(dest, src);\n}\n")]
    // The size named by the parameter changes before the copy.
    [InlineData("void f(char *dest, size_t len, const char *src) {\n  len = len * 2;\n  strcpy(dest, src);\n}\n")]
    // The pointer moved past the start of the allocation.
    [InlineData("void f(const char *src, size_t n) {\n  char *d = malloc(n);\n  d++;\n  strcpy(d, src);\n}\n")]
    // Allocated on one branch only.
    [InlineData("void f(const char *src, size_t n, char *d) {\n  if (n > 4) { d = malloc(n); }\n  strcpy(d, src);\n}\n")]
    // The string whose length sized the allocation grew before the copy.
    [InlineData("void f(char *s, const char *t) {\n  char *d = malloc(strlen(s) + 1);\n  strcat(s, t);\n  strcpy(d, s);\n}\n")]
    // A member that is a pointer, not an array.
    [InlineData("struct rec { char *label; };\nvoid f(struct rec *r, const char *s) {\n  strcpy(r->label, s);\n}\n")]
    public void No_bound_is_guessed_for_a_pointer(string code)
    {
        var findings = Findings("c", code).Where(f => f.RuleId is "c.memory.strcpy" or "c.memory.strcat").ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Null(f.Fix));
    }
}
