namespace Portcullis.Analysis.Matching;

/// <summary>A pattern that does not parse in the rule's language, or has no usable shape.</summary>
public sealed class PatternCompileException(string message) : Exception(message);
