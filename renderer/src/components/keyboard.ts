import type { KeyboardEvent } from 'react';

/**
 * On a checkbox inside a form, Space toggles it and Enter must do nothing: a secrétaire ticking a box with the
 * keyboard never sends the form by accident (Enter on a form control may submit it implicitly).
 */
export const noSubmitOnEnter = (e: KeyboardEvent<HTMLElement>): void => {
  if (e.key === 'Enter') e.preventDefault();
};
