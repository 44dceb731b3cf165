namespace Portcullis.Gate.Hooks;

/// <summary>The hook payload cannot be understood or applied: the hook blocks with this reason.</summary>
public sealed class HookInputException(string message) : Exception(message);
