namespace Waymark.Bench;

/// <summary>Plausible council wording for generated records, drawn from the seeded random source.</summary>
internal static class Words
{
    private static readonly string[] Services =
    [
        "Adult social care", "Children's services", "Highways", "Waste and recycling", "Libraries", "Planning", "Housing",
        "Public health", "Trading standards", "Finance", "Human resources", "Customer services", "Economic development",
        "Environmental health", "Education", "Transport", "Leisure", "Legal services", "Property", "Fire and rescue",
        "Community safety", "Countryside", "Registration", "Revenues and benefits", "Digital services",
    ];

    private static readonly string[] First = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Chris", "Megan", "Owen", "Fatima", "Rhys", "Grace", "Daniel", "Hannah", "Imran", "Lucy"];

    private static readonly string[] Last = ["Smith", "Jones", "Patel", "Williams", "Brown", "Taylor", "Khan", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Hughes", "Clarke", "Walker", "Wright"];

    private static readonly string[] Posts = ["Performance Officer", "Team Leader", "Service Officer", "Project Manager", "Senior Officer", "Data Analyst", "Coordinator", "Operations Manager"];

    private static readonly string[] Measured =
    [
        "residents satisfied with the service", "calls answered within 20 seconds", "complaints resolved within 10 days",
        "invoices paid within 30 days", "planning applications decided on time", "household waste recycled",
        "library visits", "potholes repaired within 28 days", "people supported to live independently",
        "children with a plan reviewed on time", "homes made decent", "staff sickness days", "food premises rated 4 or above",
        "young people in education, employment or training", "missed bin collections", "streetlights repaired within 5 days",
    ];

    private static readonly string[] Sentence =
    [
        "The figure reflects the seasonal pattern seen in earlier years.",
        "Performance has improved since the new process was introduced in the spring.",
        "Staff vacancies in the team have affected the figure this period.",
        "The service is working with partners to understand the change.",
        "Demand rose faster than expected after the winter.",
        "A review of the data collection method is under way.",
        "The result is in line with the target agreed by Cabinet.",
        "Further work is planned with the voluntary sector to sustain the improvement.",
        "Figures are provisional until the annual return is validated.",
        "The team has focused on the oldest cases first.",
    ];

    private static readonly string[] Verbs = ["Review", "Implement", "Deliver", "Consult on", "Procure", "Develop", "Launch", "Evaluate"];

    private static readonly string[] Objects =
    [
        "the customer access strategy", "a new case management system", "the recycling communications campaign",
        "the workforce development plan", "the asset management plan", "the early help offer", "the local transport plan",
        "the digital inclusion programme", "the housing allocations policy", "the carers' strategy",
    ];

    public static string Service(int n) => n < Services.Length ? Services[n] : $"{Services[n % Services.Length]} {(n / Services.Length) + 1}";

    public static string PersonName(Random random, int n) => $"{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]} {n + 1}";

    public static string PostTitle(Random random) => Posts[random.Next(Posts.Length)];

    public static string IndicatorTitle(Random random, bool percentage) =>
        (percentage ? "% of " : "Number of ") + Measured[random.Next(Measured.Length)];

    public static string DataSource(Random random) => random.Next(3) switch { 0 => "Service records", 1 => "Residents' survey", _ => "Finance system" };

    public static string ActionTitle(Random random) => $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}";

    public static string Sentences(Random random, int count) =>
        string.Join(" ", Enumerable.Range(0, count).Select(_ => Sentence[random.Next(Sentence.Length)]));

    public static string Commentary(Random random, double drift) =>
        (drift >= 0 ? "Up on the same period last year. " : "Down on the same period last year. ") + Sentence[random.Next(Sentence.Length)];
}
