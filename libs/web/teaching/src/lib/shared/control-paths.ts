import type { AbstractControl } from '@angular/forms';
import { FormArray, FormGroup } from '@angular/forms';

/**
 * Every field path of a form, as the API names fields in its errors ("meetings.0.startsAt"),
 * so that the problem alert lists only the messages no field shows.
 */
export function controlPaths(control: AbstractControl, prefix = ''): string[] {
  if (!(control instanceof FormGroup || control instanceof FormArray)) return [prefix];
  const children = Object.entries(control.controls as Record<string, AbstractControl>);
  return children.flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    // The API may also name a group or list as a whole ("meetings").
    return child instanceof FormGroup || child instanceof FormArray
      ? [path, ...controlPaths(child, path)]
      : [path];
  });
}
