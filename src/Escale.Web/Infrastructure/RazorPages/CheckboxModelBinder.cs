using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Infrastructure.RazorPages;

/// <summary>
/// Binds a <c>bool</c> (or <c>bool?</c>), which a form sends from a checkbox: "true", followed by the hidden "false"
/// that MVC writes after a checked box, or "false" alone. Any other value gets a French message beside the field, and
/// its raw value leaves the model state: MVC's own binder keeps it there, and the checkbox helper, drawing the form
/// again, converts it to a boolean and throws (https://github.com/dotnet/aspnetcore/issues/55512). The box is then
/// drawn from the model, unchecked.
/// </summary>
public sealed class CheckboxModelBinder(IStringLocalizer localizer) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
        var value = values.FirstValue;
        if (bool.TryParse(value, out var isChecked))
        {
            bindingContext.Result = ModelBindingResult.Success(isChecked);
        }
        else if (string.IsNullOrWhiteSpace(value) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: values.ToString());
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, localizer["Cette case ne peut être que cochée ou décochée."]);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Gives <see cref="CheckboxModelBinder"/> every <c>bool</c> and <c>bool?</c> bound from the request.</summary>
public sealed class CheckboxModelBinderProvider(IStringLocalizer localizer) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxModelBinder(localizer) : null;

    /// <summary>Just before MVC's binder of simple types, so that bindings from the body, services or headers keep their own binders.</summary>
    public static void Register(IList<IModelBinderProvider> providers, IStringLocalizer localizer)
    {
        var simpleTypes = providers.TakeWhile(provider => provider is not SimpleTypeModelBinderProvider).Count();
        providers.Insert(simpleTypes, new CheckboxModelBinderProvider(localizer));
    }
}
