import { CallError } from '../bridge';

const UNEXPECTED =
  "Une erreur inattendue s'est produite ; rien n'a été modifié. Si elle se répète, appelez le support.";

/** The French message to show for any failure: the core's own message, never a stack. */
export function errorMessage(e: unknown): string {
  return e instanceof CallError ? e.message : UNEXPECTED;
}

export function fieldErrors(e: unknown): Record<string, string> {
  return e instanceof CallError ? e.fields : {};
}

/** Move focus to the first field marked invalid, so keyboard and screen reader users land on it. */
export function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
