namespace Portcullis.Gate.Hosting;

/// <summary>The service cannot start with this configuration; the message says which setting and why.</summary>
public sealed class GateConfigurationException(string message) : Exception(message);
