using Waymark.Core.Plans;
using Waymark.Core.Plans.Documents;

namespace Waymark.Core.Tests.Plans.Documents;

/// <summary>Plans worded like the seeds: seed 000's Partnerships team and CCTV council action, seed 001's improvement plan, seed 004's recommendations.</summary>
internal static class SamplePlans
{
    public const string Ni4 = "NI 4 - % of people who feel they can influence decisions in their locality (2008 = 33.9%)";
    public const string Cctv = "Carry out a review by 2010 of the provision and effectiveness of existing CCTV in the district";

    public static PlanDocument CommunityAndCustomerServices() => new()
    {
        OrganisationName = "South Cambridgeshire District Council",
        Title = "Service Plan for Community and Customer Services",
        PlanTypeName = "Service plan",
        UnitName = "Community and Customer Services",
        Years = ["2009/10", "2010/11", "2011/12"],
        State = "Published",
        HeadOfService = "Corporate Manager – Community and Customer Services",
        PortfolioHolders =
        [
            new("Cllr Ray Manning, Leader", "Partnerships"),
            new("Cllr Tim Wotherspoon", "Policy & Improvement and Communications"),
            new("Cllr Mark Howell", "Equality and Diversity"),
        ],
        GeneratedOn = new DateOnly(2026, 5, 9),
        Sections =
        [
            new("Key functions and responsibilities",
                """
                The key functions of the Community and Customer Service area are as follows:

                - To communicate the Council's vision, priorities, objectives and processes **effectively**.
                - To actively foster and develop positive relationships with *all* local agencies and partners.

                The **Partnerships** Team is responsible for:

                1. Taking the lead role in the Sustainable Community Strategy.
                2. Supporting the Cambridgeshire Local Area Agreement (LAA).
                   - including the [LAA refresh](https://www.cambridgeshire.gov.uk/laa)

                ### Partners

                Parish councils, the voluntary sector and the CDRP.
                """),
        ],
        OperationalPlans =
        [
            new OperationalPlan
            {
                Heading = "Partnerships Team",
                Introduction = "**Service objective:** To build strong and sustainable communities.",
                Rows =
                [
                    new OperationalPlanRow
                    {
                        SupportingObjective = "Support partnership action aimed at creating sustainable communities",
                        Measure = "% Local Area Agreement performance indicators on target",
                        Targets = ["80%", "80%", "80%"],
                        LeadOfficer = "Partnerships Manager",
                    },
                    new OperationalPlanRow
                    {
                        SupportingObjective = "Co-ordinate the delivery of the district council's Community Engagement Strategy",
                        Measure = Ni4,
                        Targets = ["34%", "38%", "39%"],
                        LeadOfficer = "Partnerships Manager",
                    },
                    new OperationalPlanRow
                    {
                        SupportingObjective = "Empower and engage the third sector",
                        Measure = "Increase number of voluntary and community sector organisations engaged in virtual rural network",
                        Targets = ["Set baseline", "-"],
                        LeadOfficer = "Partnerships Officer",
                    },
                ],
            },
            new OperationalPlan
            {
                Heading = "Communications Team",
                Rows =
                [
                    new OperationalPlanRow
                    {
                        SupportingObjective = "Keep residents informed",
                        Measure = "NI 5 - Overall/general satisfaction with local area",
                        Targets = ["85%", "86%", "87%"],
                        LeadOfficer = "Communications Manager",
                    },
                ],
            },
        ],
        CouncilActions =
        [
            new CouncilActionPlan
            {
                Title = Cctv,
                Steps =
                [
                    new("1", "Identify CCTV consultant to carry out the review", "June 2009"),
                    new("2", "Undertake review", "Oct 2009"),
                    new("3", "Report findings to CDRP Board", "Jan 2010"),
                ],
                AdditionalResourcesAmount = 10_000m,
                Outputs = "A report for the Council on CCTV provision",
                Outcomes = "Clear direction on future CCTV policy",
                Risks = "Identifying suitable CCTV consultants who understand the rural nature of the District",
                OtherServicesAffected = "Environmental Health",
                ResponsibleOfficer = "Community Safety Officer",
            },
        ],
        ImprovementActions =
        [
            new ImprovementAction
            {
                Reference = "1.1.1",
                Title = "Promotion of Community & Customer Services within the authority",
                Description = "Develop presentation covering all CCS responsibilities for corporate induction course (April 2011)",
                Leads = "Corporate Manager – Community & Customer Services",
                Start = "April 2011",
                Due = "31st March 2012",
                State = "In progress",
                LinkToMeasure = "Induction presentation delivered to 100% of available induction courses",
                OtherServices = "N/A",
                Resources = "Within existing resources.",
                LatestProgress = new ProgressUpdate
                {
                    Quarter = "Q1 2011/12",
                    Rag = Rag.Green,
                    Commentary = "Presentation written and delivered at the June induction course.",
                    Author = "Policy and Performance Manager",
                    Date = new DateOnly(2011, 7, 8),
                    IsDemonstration = true,
                },
            },
            new ImprovementAction
            {
                Reference = "1.1.2",
                Title = "Maximise the use of the intranet/internet",
                Due = "May 2011",
                IsOverdue = true,
                State = "In progress",
                ResourcesAmount = 2_500m,
                LatestProgress = new ProgressUpdate { Quarter = "Q1 2011/12", Rag = Rag.Red, Commentary = "Pages not yet started." },
            },
        ],
        Recommendations =
        [
            new InspectionRecommendation
            {
                Number = "1",
                Text = """
                    The Council must ensure recent improvements in political conduct and leadership are sustained through –

                    - Ensuring all Cllrs sign up to member undertakings
                    - Improved engagement with local parish councils
                    """,
                Proposals =
                [
                    new("A", "Cabinet to develop Council Actions for 2010/11 onwards", "Leader/ Chief Executive", "May 2009", ""),
                    new("E", "Implementation of the Member Training and Development Plan", "Cllr Ellington/ Democratic Services Manager", "Mar 2010", "Yes"),
                ],
            },
        ],
    };
}
