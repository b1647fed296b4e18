using Escale.Core.Data;
using Escale.Core.Territories;

namespace Escale.Core.Calls;

public enum CallKind
{
    /// <summary>Appel à projets.</summary>
    CallForProjects,
    /// <summary>Concours de création d’entreprise.</summary>
    BusinessCreationContest,
}

public enum CallAudience
{
    Anyone,
    /// <summary>Young people between the call's age bounds (actions 13 and 14 of the plan).</summary>
    Youth,
    /// <summary>Residents of the call's intercommunalities.</summary>
    Residents,
}

/// <summary>Where a call stands, read from its dates and its publication (<see cref="CallPhases.At"/>).</summary>
public enum CallPhase
{
    /// <summary>Being prepared by the team; not public.</summary>
    Draft,
    /// <summary>Public, applications not open yet.</summary>
    Announced,
    Open,
    /// <summary>The deadline passed; the jury works.</summary>
    Evaluation,
    /// <summary>The results are published.</summary>
    Results,
    /// <summary>The laureates' projects are followed (action 14).</summary>
    FollowUp,
}

/// <summary>
/// An appel à projets or a business-creation contest: its audience, phases, prizes, application form and evaluation grid.
/// The team running it builds it in the back office; the public sees it once published.
/// </summary>
public sealed class CallForProjects : IHasUpdatedAt
{
    public const int TitleMaxLength = 200;
    public const int TeamSizeLimit = 20;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public CallKind Kind { get; set; }
    /// <summary>One or two sentences for listings, feeds and search engines.</summary>
    public required string Summary { get; set; }
    /// <summary>The call's full text, in Markdown (sanitised when shown).</summary>
    public string? Description { get; set; }
    /// <summary>Who runs it and whom to ask (name, e-mail), shown on the call page.</summary>
    public string? Organiser { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>The sectors or themes it looks for (e.g. « numérique », « agriculture durable »), comma-separated.</summary>
    public string? Themes { get; set; }

    public CallAudience Audience { get; set; }
    /// <summary>Age bounds, inclusive, checked at submission from each team member's date of birth (youth calls).</summary>
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    /// <summary>For <see cref="CallAudience.Residents"/>: the intercommunalities whose residents may apply.</summary>
    public List<Intercommunality> ResidentIntercommunalities { get; set; } = [];
    /// <summary>Team size, lead included.</summary>
    public int MinTeamSize { get; set; } = 1;
    public int MaxTeamSize { get; set; } = 1;
    /// <summary>The call asks a guardian's authorisation for every minor, also from 15 to 17 (prizes, contracts).</summary>
    public bool RequiresGuardianAuthorisationForAllMinors { get; set; }
    /// <summary>Other conditions in words, checked by the team when it marks an application eligible or not.</summary>
    public string? EligibilityConditions { get; set; }

    /// <summary>Null: a draft only the team sees.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    /// <summary>The deadline: nothing is submitted, changed or withdrawn after it.</summary>
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>When the results are announced, as promised on the call page.</summary>
    public DateTimeOffset? ResultsExpectedAt { get; set; }
    /// <summary>Set when the team publishes the results, for the whole call at once.</summary>
    public DateTimeOffset? ResultsPublishedAt { get; set; }
    /// <summary>When the follow-up of the laureates begins (after the results).</summary>
    public DateTimeOffset? FollowUpStartsAt { get; set; }

    /// <summary>Z-score normalisation of each juror's totals onto a common scale (for jurors with enough scores).</summary>
    public bool NormaliseScores { get; set; }
    /// <summary>The fewest evaluations a juror needs for their scores to be normalised.</summary>
    public int MinScoresForNormalisation { get; set; } = 5;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<CallPrize> Prizes { get; set; } = [];
    public List<CallField> Fields { get; set; } = [];
    public List<CallCriterion> Criteria { get; set; } = [];
    public List<CallJuror> Jurors { get; set; } = [];
    public List<CallApplication> Applications { get; set; } = [];
}

/// <summary>A prize or a form of support the call offers (an amount, a mentoring, a place in an incubator…).</summary>
public sealed class CallPrize : IPartOf<CallForProjects>
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public decimal? AmountEuros { get; set; }
}

public enum CallFieldType
{
    ShortText,
    LongText,
    Choice,
    Number,
    Date,
    File,
    YesNo,
}

/// <summary>Who may read an answer, from the widest to the narrowest.</summary>
public enum FieldVisibility
{
    /// <summary>Shown on the laureates' page when the application wins.</summary>
    Public,
    /// <summary>Seen by the jury and the team only.</summary>
    Private,
    /// <summary>Seen by the team only, never by a juror (name, school, e-mail…).</summary>
    HiddenFromJury,
}

/// <summary>One question of a call's application form.</summary>
public sealed class CallField : IPartOf<CallForProjects>
{
    public const int LabelMaxLength = 300;
    public const int ShortTextMaxLength = 300;
    public const int LongTextMaxLength = 8000;

    public int Id { get; set; }
    public int CallId { get; set; }
    public int Order { get; set; }
    public required string Label { get; set; }
    public string? Help { get; set; }
    public CallFieldType Type { get; set; }
    public bool Required { get; set; }
    public FieldVisibility Visibility { get; set; }
    /// <summary>For <see cref="CallFieldType.Choice"/>: the options, one per line.</summary>
    public string? Choices { get; set; }

    public IReadOnlyList<string> ChoiceList =>
        (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A criterion of the evaluation grid; the weights of a call sum to 100, each criterion scored 0–10.</summary>
public sealed class CallCriterion : IPartOf<CallForProjects>
{
    public const int MaxScore = 10;

    public int Id { get; set; }
    public int CallId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Weight { get; set; }
}

public static class CallPhases
{
    public static CallPhase At(CallForProjects call, DateTimeOffset now) =>
        At(call.PublishedAt, call.OpensAt, call.ClosesAt, call.ResultsPublishedAt, call.FollowUpStartsAt, now);

    public static CallPhase At(
        DateTimeOffset? publishedAt, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset? resultsPublishedAt,
        DateTimeOffset? followUpStartsAt, DateTimeOffset now)
    {
        if (publishedAt is null || publishedAt > now)
        {
            return CallPhase.Draft;
        }
        if (resultsPublishedAt is { } results && results <= now)
        {
            return followUpStartsAt is { } followUp && followUp <= now ? CallPhase.FollowUp : CallPhase.Results;
        }
        if (now < opensAt)
        {
            return CallPhase.Announced;
        }
        return now < closesAt ? CallPhase.Open : CallPhase.Evaluation;
    }

    /// <summary>The grid is valid when it has at least one criterion and its weights sum to 100.</summary>
    public static string? GridRefusal(IEnumerable<int> weights)
    {
        var list = weights.ToList();
        if (list.Count == 0)
        {
            return "La grille d’évaluation doit avoir au moins un critère.";
        }
        if (list.Any(w => w <= 0))
        {
            return "Chaque critère doit avoir un poids positif.";
        }
        var sum = list.Sum();
        return sum == 100 ? null : $"Les poids des critères doivent faire 100 au total (ils font {sum}).";
    }
}
