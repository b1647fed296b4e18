using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Infrastructure.RazorPages;

/// <summary>
/// The validation messages that no page writes: those of a data annotation given without <c>ErrorMessage</c> (and of
/// the <c>[Required]</c> MVC infers for a non-nullable property), and those of model binding when a value cannot be
/// read. Each is a French text, the key of its English translation in the shared resource, so a visitor never sees
/// the framework's English defaults on a French page. The messages name no field: they are shown beside it, and a
/// property name is an English identifier.
/// </summary>
public sealed class ValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var validators = context.ValidationMetadata.ValidatorMetadata;
        // MVC gives a non-nullable value (enum, number, date) a [Required] of its own for client-side validation, with
        // the English default, unless the property has one already: give it this one.
        if (context.Key.MetadataKind != ModelMetadataKind.Type && context.Key.ModelType.IsValueType
            && Nullable.GetUnderlyingType(context.Key.ModelType) is null && !validators.OfType<RequiredAttribute>().Any())
        {
            validators.Add(new RequiredAttribute());
        }
        foreach (var attribute in validators.OfType<ValidationAttribute>().Where(HasNoMessageOfItsOwn))
        {
            // The data annotations localizer then looks this text up in the shared resource ({1}, {2}: the attribute's limits).
            attribute.ErrorMessage = FrenchMessage(attribute);
        }
    }

    /// <summary>
    /// Whether the attribute would show the framework's English text: no message given, or (e-mail, URL, phone) the
    /// default message their constructor sets, which a fresh instance has too.
    /// </summary>
    private static bool HasNoMessageOfItsOwn(ValidationAttribute attribute) =>
        attribute.ErrorMessageResourceType is null && string.IsNullOrEmpty(attribute.ErrorMessageResourceName)
        && (string.IsNullOrEmpty(attribute.ErrorMessage)
            || (attribute.GetType().GetConstructor(Type.EmptyTypes) is not null
                && attribute.ErrorMessage == ((ValidationAttribute)Activator.CreateInstance(attribute.GetType())!).ErrorMessage));

    public static string FrenchMessage(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Ce champ est obligatoire.",
        StringLengthAttribute { MinimumLength: > 0 } => "Ce champ doit contenir entre {2} et {1} caractères.",
        StringLengthAttribute or MaxLengthAttribute => "Ce champ ne doit pas dépasser {1} caractères.",
        MinLengthAttribute => "Ce champ doit contenir au moins {1} caractères.",
        RangeAttribute => "La valeur doit être comprise entre {1} et {2}.",
        EmailAddressAttribute => "Indiquez une adresse e-mail valide.",
        UrlAttribute => "Indiquez une adresse web complète, commençant par https://.",
        PhoneAttribute => "Indiquez un numéro de téléphone valide.",
        CompareAttribute => "Les deux valeurs ne correspondent pas.",
        _ => "Cette valeur n’est pas valide.",
    };

    /// <summary>Model binding's messages, looked up in the visitor's language when they are shown.</summary>
    public static void Localize(DefaultModelBindingMessageProvider messages, IStringLocalizer localizer)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer["La valeur « {0} » n’est pas valide.", value]);
        messages.SetMissingBindRequiredValueAccessor(_ => localizer["Ce champ est obligatoire."]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Ce champ est obligatoire."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Le contenu de la requête est vide."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["La valeur « {0} » n’est pas valide.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Cette valeur n’est pas valide."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["La valeur doit être un nombre."]);
        messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Cette valeur n’est pas valide."]);
        messages.SetValueIsInvalidAccessor(value => localizer["La valeur « {0} » n’est pas valide.", value]);
        messages.SetValueMustBeANumberAccessor(_ => localizer["La valeur doit être un nombre."]);
        messages.SetValueMustNotBeNullAccessor(_ => localizer["Ce champ est obligatoire."]);
    }
}
