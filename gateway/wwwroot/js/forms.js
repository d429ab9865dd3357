// Showing an API refusal on a form: each field's messages under its input, the rest at the top.
import { h } from './dom.js';

function clearErrors(form) {
  for (const message of form.querySelectorAll('.field-error, .form-error')) {
    message.remove();
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** Puts an ApiError (or any Error) on the form, focusing the first field it names. */
export function showErrors(form, error) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    const input = [...form.elements].find((element) => element.name?.toLowerCase() === field.toLowerCase());
    if (!input) {
      unplaced.push(...messages);
      continue;
    }
    const id = `${form.id || 'form'}-${input.name}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    (input.closest('label') ?? input).after(h('p', { id, class: 'field-error' }, messages.join(' ')));
    first ??= input;
  }
  if (!first || unplaced.length > 0) {
    form.prepend(h('p', { class: 'form-error', role: 'alert' }, unplaced.length > 0 ? unplaced.join(' ') : error.message));
  }
  first?.focus();
}

/** Runs an async submit handler with the form disabled meanwhile, and shows its errors on the form. */
export function onSubmit(form, handler) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Read the fields before disabling them (disabled fields are left out of FormData), and keep them
    // disabled while the request runs so nothing typed meanwhile is lost when the form resets.
    const data = new FormData(form);
    const controls = [...form.elements].filter((control) => !control.disabled);
    controls.forEach((control) => { control.disabled = true; });
    clearErrors(form);
    let failure = null;
    try {
      await handler(data);
    } catch (error) {
      failure = error;
    }
    controls.forEach((control) => { control.disabled = false; });
    if (failure) {
      showErrors(form, failure);
    }
  });
}
