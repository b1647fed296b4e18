namespace Escale.Core.Calls;

/// <summary>The rules a call checks by itself when the lead submits; each problem is a French sentence the lead can act on.</summary>
public static class CallEligibility
{
    public sealed record Member(string Name, bool Confirmed, DateOnly? DateOfBirth, int? IntercommunalityId);

    public static IReadOnlyList<string> Problems(
        CallForProjects call, IReadOnlyList<Member> team, IReadOnlyCollection<int> answeredRequiredFieldIds,
        IEnumerable<CallField> fields, IReadOnlyCollection<int> residentIntercommunalityIds, DateOnly today, DateOnly deadline)
    {
        var problems = new List<string>();
        if (team.Count < call.MinTeamSize)
        {
            problems.Add($"L’équipe doit compter au moins {call.MinTeamSize} personnes (elle en compte {team.Count}).");
        }
        if (team.Count > call.MaxTeamSize)
        {
            problems.Add($"L’équipe ne peut pas dépasser {call.MaxTeamSize} personnes (elle en compte {team.Count}).");
        }
        foreach (var member in team.Where(m => !m.Confirmed))
        {
            problems.Add($"{member.Name} n’a pas encore confirmé sa participation.");
        }
        foreach (var member in team.Where(m => m.Confirmed))
        {
            if (member.DateOfBirth is not { } birth)
            {
                if (call.Audience == CallAudience.Youth)
                {
                    problems.Add($"La date de naissance de {member.Name} manque.");
                }
                continue;
            }
            var minAge = call.Audience == CallAudience.Youth ? call.MinAge : null;
            var maxAge = call.Audience == CallAudience.Youth ? call.MaxAge : null;
            if (MinorRules.DateOfBirthRefusal(birth, today, deadline, minAge, maxAge) is { } refusal)
            {
                problems.Add($"{member.Name} : {refusal}");
            }
        }
        if (call.Audience == CallAudience.Residents)
        {
            foreach (var member in team.Where(m => m.Confirmed && (m.IntercommunalityId is not { } id || !residentIntercommunalityIds.Contains(id))))
            {
                problems.Add($"{member.Name} doit habiter l’une des intercommunalités de l’appel.");
            }
        }
        foreach (var field in fields.Where(f => f.Required && !answeredRequiredFieldIds.Contains(f.Id)).OrderBy(f => f.Order))
        {
            problems.Add($"La question « {field.Label} » est obligatoire.");
        }
        return problems;
    }
}
