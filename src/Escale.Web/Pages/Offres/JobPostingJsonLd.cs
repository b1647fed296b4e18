using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Escale.Core.Opportunities;

namespace Escale.Web.Pages.Offres;

/// <summary>
/// schema.org <c>JobPosting</c> of a job opportunity, for search engines (https://developers.google.com/search/docs/appearance/structured-data/job-posting).
/// Written into a <c>&lt;script type="application/ld+json"&gt;</c>, a data block that CSP does not treat as script.
/// </summary>
public static class JobPostingJsonLd
{
    /// <param name="DirectApply">Whether a candidate can answer on the offer's page itself (Google's <c>directApply</c>).</param>
    public sealed record Input(
        int Id, string Url, string Title, string Description, DateTimeOffset DatePosted, DateOnly? ExpiresOn,
        string HiringOrganisation, string? Website, string? StreetAddress, string PostalCode, string Locality, string Region,
        ContractType? Contract, WorkingTime? WorkingTime, int? SalaryMin, int? SalaryMax, RemoteWork Remote, bool DirectApply);

    // The default encoder escapes <, >, & and quotes as \uXXXX whatever the allowed ranges, so "</script>" in an
    // offer's text cannot close the element; allowing all ranges keeps French letters readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize(Input opportunity)
    {
        var organisation = new JsonObject { ["@type"] = "Organization", ["name"] = opportunity.HiringOrganisation };
        if (!string.IsNullOrEmpty(opportunity.Website))
        {
            organisation["sameAs"] = opportunity.Website;
        }
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        if (!string.IsNullOrWhiteSpace(opportunity.StreetAddress))
        {
            address["streetAddress"] = opportunity.StreetAddress;
        }
        address["postalCode"] = opportunity.PostalCode;
        address["addressLocality"] = opportunity.Locality;
        address["addressRegion"] = opportunity.Region;
        address["addressCountry"] = "FR";
        var posting = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "JobPosting",
            ["title"] = opportunity.Title,
            ["description"] = string.IsNullOrWhiteSpace(opportunity.Description) ? opportunity.Title : opportunity.Description,
            ["datePosted"] = opportunity.DatePosted.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = "Escale", ["value"] = opportunity.Id.ToString(CultureInfo.InvariantCulture) },
            ["url"] = opportunity.Url,
            ["hiringOrganization"] = organisation,
            ["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = address },
            ["directApply"] = opportunity.DirectApply,
        };
        // Only a fully remote job is TELECOMMUTE; it keeps its place too, so it shows in remote and local searches.
        // Google requires where applicants may live: the offers say nothing more precise than France.
        if (opportunity.Remote == RemoteWork.Full)
        {
            posting["jobLocationType"] = "TELECOMMUTE";
            posting["applicantLocationRequirements"] = new JsonObject { ["@type"] = "Country", ["name"] = "FR" };
        }
        if (opportunity.ExpiresOn is { } expires)
        {
            var lastMoment = expires.ToDateTime(new TimeOnly(23, 59, 59));
            posting["validThrough"] = new DateTimeOffset(lastMoment, Infrastructure.Localization.ParisTime.Zone.GetUtcOffset(lastMoment))
                .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        var types = EmploymentTypes(opportunity.Contract, opportunity.WorkingTime);
        if (types.Count > 0)
        {
            posting["employmentType"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        }
        if (opportunity.SalaryMin is not null || opportunity.SalaryMax is not null)
        {
            var value = new JsonObject { ["@type"] = "QuantitativeValue", ["unitText"] = "YEAR" };
            if (opportunity.SalaryMin is { } min)
            {
                value["minValue"] = min;
            }
            if (opportunity.SalaryMax is { } max)
            {
                value["maxValue"] = max;
            }
            posting["baseSalary"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "EUR", ["value"] = value };
        }
        return posting.ToJsonString(Options);
    }

    /// <summary>schema.org's employment types: the working time, then what the contract adds.</summary>
    public static IReadOnlyList<string> EmploymentTypes(ContractType? contract, WorkingTime? workingTime)
    {
        var types = new List<string>();
        if (workingTime is { } time)
        {
            types.Add(time == WorkingTime.FullTime ? "FULL_TIME" : "PART_TIME");
        }
        var extra = contract switch
        {
            ContractType.Cdd or ContractType.Interim or ContractType.Seasonal => "TEMPORARY",
            ContractType.Apprenticeship => "INTERN",
            ContractType.Liberal => "CONTRACTOR",
            ContractType.Cdi when workingTime is null => "FULL_TIME",
            _ => null,
        };
        if (extra is not null)
        {
            types.Add(extra);
        }
        return types;
    }
}
