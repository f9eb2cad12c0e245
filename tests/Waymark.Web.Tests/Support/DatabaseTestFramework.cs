// Removes the template databases when the tests are done (see Waymark.Core.Tests.Support.DatabaseTestFramework).
[assembly: TestFramework("Waymark.Core.Tests.Support.DatabaseTestFramework", "Waymark.Core.Tests")]
