import type { ComponentFixture } from '@angular/core/testing';
import { settle } from '../testing';

// Drives Material form fields by their label (translation keys in the specs); not exported.

export function fieldOf(root: HTMLElement, label: string): HTMLElement {
  const field = Array.from(root.querySelectorAll<HTMLElement>('mat-form-field')).find(
    (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
  );
  if (!field) throw new Error(`No field labelled ${label}`);
  return field;
}

export async function choose(
  fixture: ComponentFixture<unknown>,
  label: string,
  option: string,
): Promise<void> {
  const root = fixture.nativeElement as HTMLElement;
  fieldOf(root, label).querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
  await settle(fixture);
  const choice = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
    (candidate) => candidate.textContent?.trim() === option,
  );
  if (!choice) throw new Error(`No option ${option} in ${label}`);
  choice.click();
  await settle(fixture);
}

export async function type(
  fixture: ComponentFixture<unknown>,
  label: string,
  text: string,
): Promise<void> {
  const root = fixture.nativeElement as HTMLElement;
  const input = fieldOf(root, label).querySelector<HTMLInputElement | HTMLTextAreaElement>(
    'input, textarea',
  );
  if (!input) throw new Error(`No input in ${label}`);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(fixture);
}

export function errorOf(root: HTMLElement, label: string): string {
  return fieldOf(root, label).querySelector('mat-error')?.textContent?.trim() ?? '';
}
