/** How a copy went: on the clipboard, or only selected for the person to copy (Ctrl+C). */
export type CopyOutcome = 'copied' | 'selected';

/**
 * Copies the text of a field. The Clipboard API exists only in secure contexts (not on a LAN address
 * over plain http) and may be refused; then the field's text is selected and copied with
 * `execCommand('copy')`, and where even that fails it stays selected for Ctrl+C.
 */
export async function copyFieldText(field: HTMLInputElement | HTMLTextAreaElement): Promise<CopyOutcome> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(field.value);
      return 'copied';
    } catch {
      // refused (no permission, no focus): copy the selection instead
    }
  }
  field.focus();
  field.select();
  try {
    // Deprecated, yet the only way to copy outside a secure context.
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // not supported: leave the text selected
  }
  return 'selected';
}
