namespace Escale.Core.Opportunities;

/// <summary>
/// An offer's content as a partner types it or an import file gives it, applied by <see cref="Opportunity.Fill"/>:
/// what it says, not where it is, who published it or where it stands in its lifecycle.
/// </summary>
public record OpportunityFields
{
    public const int StreetAddressMaxLength = 200;

    public OpportunityKind Kind { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string? EmployerName { get; init; }
    public string? EmployerSiret { get; init; }
    public string? StreetAddress { get; init; }
    public string? RomeCode { get; init; }
    public ContractType? Contract { get; init; }
    public WorkingTime? WorkingTime { get; init; }
    public int? SalaryMin { get; init; }
    public int? SalaryMax { get; init; }
    public RemoteWork Remote { get; init; }
    public DateOnly? StartDate { get; init; }
    public bool OpenToDisabledWorkers { get; init; }
    public string? NafCode { get; init; }
    public int? PriceMin { get; init; }
    public int? PriceMax { get; init; }
    public string? TurnoverBand { get; init; }
    public int? Staff { get; init; }
    public string? Premises { get; init; }
    public string? Reason { get; init; }
    public string? Timeline { get; init; }
    public SupportOrganisation Support { get; init; }
    public string? SellerName { get; init; }
    public string? SellerEmail { get; init; }
    public string? SellerPhone { get; init; }
    public string? SupportOffered { get; init; }
    public string? HowToApply { get; init; }
    public string? ApplyUrl { get; init; }
    public string? ApplyEmail { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}
