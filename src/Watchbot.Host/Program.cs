using Watchbot.Host.Cli;

return await WatchbotCli.RunAsync(args).ConfigureAwait(false);
