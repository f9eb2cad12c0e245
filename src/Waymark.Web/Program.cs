using Waymark.Web.Cli;

// One executable: serves the web app (the default) and runs the administrative commands.
return await WaymarkCli.RunAsync(args);

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
