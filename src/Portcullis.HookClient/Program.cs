using Portcullis.HookClient;

using var stdin = Console.OpenStandardInput();
return GateHookClient.Run(args, stdin, Console.Error, Environment.GetEnvironmentVariable);
