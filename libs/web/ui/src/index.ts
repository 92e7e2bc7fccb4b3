export { Icon } from './lib/icon';
export type { IconName } from './lib/icon';
export { FieldError } from './lib/field-error';
export { ProblemAlert } from './lib/problem-alert';
export { Chip } from './lib/chip';
export type { ChipTone } from './lib/chip';
export { EnrollmentStatusChip } from './lib/enrollment-status-chip';
export { saveFile } from './lib/save-file';
