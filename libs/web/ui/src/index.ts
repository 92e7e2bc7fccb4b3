export { Icon } from './lib/icon';
export type { IconName } from './lib/icon';
export { FieldError } from './lib/field-error';
export { ProblemAlert } from './lib/problem-alert';
