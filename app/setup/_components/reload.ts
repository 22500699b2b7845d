/**
 * After a step is saved the wizard reloads itself from the server: the saved progress decides what is
 * shown, exactly as when the merchant comes back later. (A soft router refresh after a server action
 * left the next step's server action unsent in Chromium inside the control panel's iframe.)
 */
export function showSavedStep(): void {
  window.location.replace('/setup');
}
