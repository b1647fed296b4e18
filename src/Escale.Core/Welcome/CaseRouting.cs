namespace Escale.Core.Welcome;

/// <summary>What routing needs to know of an organisation.</summary>
public sealed record RoutingOrganisation(int Id, string Name, WelcomeOrganisationKind Kind, int? IntercommunalityId, IReadOnlyList<string> NafSections);

public sealed record RoutedOrganisation(RoutingOrganisation Organisation, AssignmentRole Role);

/// <summary>
/// Which organisations follow a new case. The target intercommunality's welcome service leads; with no single target
/// (anywhere, several, or an intercommunality without a service) the departmental team leads. A business project also
/// involves the chamber of its activity (NAF section → chamber, from the pack); a project that began as holidays here
/// involves the tourism agency.
/// </summary>
public static class CaseRouting
{
    /// <summary>The one intercommunality the household targets, directly or through its communes; null for none or several.</summary>
    public static int? SingleTargetIntercommunality(HouseholdProject project, Func<int, int?> intercommunalityOfCommune)
    {
        var targets = project.TargetIntercommunalityIds
            .Concat(project.TargetCommuneIds.Select(intercommunalityOfCommune).OfType<int>())
            .Distinct()
            .ToList();
        return targets.Count == 1 ? targets[0] : null;
    }

    public static IReadOnlyList<RoutedOrganisation> Route(
        HouseholdProject project, int? targetIntercommunalityId, IReadOnlyList<RoutingOrganisation> organisations, Func<string, string?> sectionOfNaf)
    {
        var routed = new List<RoutedOrganisation>();
        var lead = targetIntercommunalityId is { } epci
            ? organisations.FirstOrDefault(o => o.Kind == WelcomeOrganisationKind.IntercommunalityService && o.IntercommunalityId == epci)
            : null;
        lead ??= organisations.FirstOrDefault(o => o.Kind == WelcomeOrganisationKind.DepartmentalTeam);
        if (lead is not null)
        {
            routed.Add(new RoutedOrganisation(lead, AssignmentRole.Lead));
        }

        foreach (var adult in project.Adults.Where(a => a.Wish is AdultWish.CreateBusiness or AdultWish.TakeOverBusiness))
        {
            if (adult.NafCode is not { Length: > 0 } naf || sectionOfNaf(naf) is not { } section)
            {
                continue;
            }
            var chamber = organisations.FirstOrDefault(o => o.Kind == WelcomeOrganisationKind.Chamber && o.NafSections.Contains(section, StringComparer.Ordinal));
            if (chamber is not null && routed.TrueForAll(r => r.Organisation.Id != chamber.Id))
            {
                routed.Add(new RoutedOrganisation(chamber, AssignmentRole.Involved));
            }
        }

        if (project.HeardFrom == HeardFrom.Holidays
            && organisations.FirstOrDefault(o => o.Kind == WelcomeOrganisationKind.TourismAgency) is { } agency
            && routed.TrueForAll(r => r.Organisation.Id != agency.Id))
        {
            routed.Add(new RoutedOrganisation(agency, AssignmentRole.Involved));
        }
        return routed;
    }

    /// <summary>The member with the lightest current caseload (open cases they follow); ties go to the first by id, so the choice is stable.</summary>
    public static string? ProposeMember(IEnumerable<string> members, IReadOnlyDictionary<string, int> openCasesByMember) =>
        members
            .OrderBy(m => openCasesByMember.GetValueOrDefault(m))
            .ThenBy(m => m, StringComparer.Ordinal)
            .FirstOrDefault();
}
