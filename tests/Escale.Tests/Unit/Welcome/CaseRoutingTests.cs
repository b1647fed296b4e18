using Escale.Core.Welcome;

namespace Escale.Tests.Unit.Welcome;

public sealed class CaseRoutingTests
{
    private static readonly RoutingOrganisation Departement = new(1, "Département", WelcomeOrganisationKind.DepartmentalTeam, null, []);
    private static readonly RoutingOrganisation Figeac = new(2, "Accueil — Grand-Figeac", WelcomeOrganisationKind.IntercommunalityService, 20, []);
    private static readonly RoutingOrganisation Cahors = new(3, "Accueil — Grand Cahors", WelcomeOrganisationKind.IntercommunalityService, 30, []);
    private static readonly RoutingOrganisation Agriculture = new(4, "Chambre d’agriculture", WelcomeOrganisationKind.Chamber, null, ["A"]);
    private static readonly RoutingOrganisation Trades = new(5, "Chambre de métiers", WelcomeOrganisationKind.Chamber, null, ["F", "S"]);
    private static readonly RoutingOrganisation Tourism = new(6, "Tourisme", WelcomeOrganisationKind.TourismAgency, null, []);
    private static readonly RoutingOrganisation[] All = [Departement, Figeac, Cahors, Agriculture, Trades, Tourism];

    private static string? Section(string naf) => naf.StartsWith("01", StringComparison.Ordinal) ? "A" : naf.StartsWith("43", StringComparison.Ordinal) ? "F" : null;

    private static HouseholdProject Project(params HouseholdAdult[] adults) => new() { Adults = [.. adults] };

    [Fact]
    public void SingleTarget_FromACommuneOfTheIntercommunality()
    {
        var project = new HouseholdProject { TargetCommuneIds = [100, 101] };

        Assert.Equal(20, CaseRouting.SingleTargetIntercommunality(project, _ => 20));
    }

    [Fact]
    public void SingleTarget_IsNoneForTwoIntercommunalitiesOrAnywhere()
    {
        Assert.Null(CaseRouting.SingleTargetIntercommunality(new HouseholdProject { TargetIntercommunalityIds = [20, 30] }, _ => null));
        Assert.Null(CaseRouting.SingleTargetIntercommunality(new HouseholdProject(), _ => null));
    }

    [Fact]
    public void Route_ToTheTargetsService()
    {
        var routed = CaseRouting.Route(Project(new HouseholdAdult { FirstName = "Anne", Wish = AdultWish.Job }), 20, All, Section);

        Assert.Equal([(Figeac, AssignmentRole.Lead)], routed.Select(r => (r.Organisation, r.Role)));
    }

    [Fact]
    public void Route_WithoutSingleTarget_ToTheDepartmentalTeam()
    {
        var routed = CaseRouting.Route(Project(new HouseholdAdult { FirstName = "Anne" }), null, All, Section);

        Assert.Equal(Departement, Assert.Single(routed).Organisation);
    }

    [Fact]
    public void Route_BusinessProject_InvolvesTheChamberOfItsSection()
    {
        var project = Project(
            new HouseholdAdult { FirstName = "Anne", Wish = AdultWish.TakeOverBusiness, NafCode = "01.21Z" },
            new HouseholdAdult { FirstName = "Paul", Wish = AdultWish.CreateBusiness, NafCode = "43.22A" });

        var routed = CaseRouting.Route(project, 30, All, Section);

        Assert.Equal([Cahors, Agriculture, Trades], routed.Select(r => r.Organisation));
        Assert.Equal(AssignmentRole.Involved, routed[1].Role);
    }

    [Fact]
    public void Route_HolidayProject_InvolvesTheTourismAgency()
    {
        var project = Project(new HouseholdAdult { FirstName = "Anne" });
        project.HeardFrom = HeardFrom.Holidays;

        Assert.Contains(Tourism, CaseRouting.Route(project, 20, All, Section).Select(r => r.Organisation));
    }

    [Fact]
    public void ProposeMember_TheLightestCaseload_TiesByIdentifier()
    {
        var counts = new Dictionary<string, int> { ["b"] = 3, ["c"] = 1, ["a"] = 1 };

        Assert.Equal("a", CaseRouting.ProposeMember(["b", "c", "a"], counts));
        Assert.Equal("d", CaseRouting.ProposeMember(["b", "d"], counts));
    }
}
