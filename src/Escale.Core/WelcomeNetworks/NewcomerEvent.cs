using Escale.Core.Data;
using Escale.Core.Territories;

namespace Escale.Core.WelcomeNetworks;

/// <summary>A welcome event for newcomers (soirée des nouveaux arrivants) held by a structure, with a capacity in persons.</summary>
public sealed class NewcomerEvent : IHasUpdatedAt
{
    public const int MaxCapacity = 10_000;
    public const int MaxPersonsPerRegistration = 10;

    public int Id { get; set; }
    public int StructureId { get; set; }
    public WelcomeStructure? Structure { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Place { get; set; }
    public int? CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public int Capacity { get; set; }
    /// <summary>Bumped by every registration and cancellation first, so that they queue one behind the other (a row lock).</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<NewcomerEventRegistration> Registrations { get; set; } = [];
}

public enum RegistrationStatus
{
    Confirmed,
    Waiting,
}

/// <summary>One person's registration (for one or more persons) to an event; one per account and event.</summary>
public sealed class NewcomerEventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public NewcomerEvent? Event { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public int Persons { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
}

/// <summary>The seats and the waiting list, as pure rules.</summary>
public static class WaitingList
{
    /// <summary>A new registration is confirmed when it fits in the seats left and nobody is waiting before it.</summary>
    public static RegistrationStatus StatusFor(int capacity, int confirmedPersons, bool anyoneWaiting, int persons) =>
        !anyoneWaiting && confirmedPersons + persons <= capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting;

    /// <summary>
    /// The waiting registrations that move up, in order of arrival: the first ones while they fit in the seats left. The
    /// list stops at the first that does not fit, so that a smaller group never passes a larger one that came first.
    /// </summary>
    public static IReadOnlyList<T> Promoted<T>(int capacity, int confirmedPersons, IEnumerable<T> waitingInOrder, Func<T, int> persons)
    {
        var left = capacity - confirmedPersons;
        var promoted = new List<T>();
        foreach (var registration in waitingInOrder)
        {
            if (persons(registration) > left)
            {
                break;
            }
            left -= persons(registration);
            promoted.Add(registration);
        }
        return promoted;
    }
}
